/** The map's refusals, each with the form field it belongs to when there is one. */
import { AppError } from '../../shared/errors.ts';

/** The gazetteer (and the external geocoder, if any) knows no such city in that country. */
export class UnknownCityError extends AppError {
  constructor(city: string, country: string) {
    super('unknown_city', 422, 'map.errors.unknownCity', { field: 'city', detail: `${city}, ${country}`, params: { city, country } });
  }
}

export class SlugTakenError extends AppError {
  constructor(slug: string) {
    super('slug_taken', 409, 'errors.slugTaken', { field: 'slug', detail: slug });
  }
}

export class FoundedInFutureError extends AppError {
  constructor() {
    super('founded_in_future', 422, 'map.errors.yearFuture', { field: 'founded_year' });
  }
}

export class UnknownReferenceError extends AppError {
  constructor(field: 'themes' | 'models' | 'pieces') {
    super('unknown_reference', 422, 'errors.invalid', { field, detail: field });
  }
}

/** Someone else saved the organisation after this form was opened. */
export class StaleVersionError extends AppError {
  constructor() {
    super('stale_version', 409, 'errors.conflict');
  }
}

/** A suggestion already decided (or not yet confirmed) cannot be decided again. */
export class SuggestionNotPendingError extends AppError {
  constructor(status: string) {
    super('suggestion_not_pending', 409, 'map.errors.notPending', status);
  }
}

export class NothingToRestoreError extends AppError {
  constructor() {
    super('nothing_to_restore', 409, 'map.errors.nothingToRestore');
  }
}

export class ModelInUseError extends AppError {
  constructor(uses: number) {
    super('model_in_use', 409, 'map.errors.modelInUse', { params: { n: uses } });
  }
}

export class NoContactError extends AppError {
  constructor() {
    super('no_contact', 409, 'map.errors.noContact');
  }
}

/** A correction that changes nothing. */
export class NoChangeError extends AppError {
  constructor() {
    super('no_change', 422, 'map.errors.noChange');
  }
}
