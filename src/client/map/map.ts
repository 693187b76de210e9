/**
 * The interactive map (docs/decisions/016-map.md), bundled locally with Leaflet and Supercluster:
 * no CDN, no remote font, and no tile server unless one is configured — the basemap is the
 * country outlines shipped with the site (Natural Earth). Every page that holds a map works
 * without this script: the list, the filters and the forms are plain HTML.
 *
 * Modes (the map element's data-mode): `browse` (the map page: clusters, popups, and the list
 * beside it following the visible area), `embed` (the same, framed by another site), `single`
 * (one organisation), `pick` (a form: click to drop the pin, or place it from the city).
 */
import L from 'leaflet';
import Supercluster from 'supercluster';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';

type Labels = Record<string, string>;
type PointProps = { id: number };

const el = document.getElementById('map');
if (el) void start(el);

function label(labels: Labels, key: string, n?: number): string {
  const text = labels[key] ?? key;
  return n === undefined ? text : text.replace('{n}', String(n));
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Country outlines as the basemap (or the configured tile server). */
function basemap(map: L.Map, el: HTMLElement): void {
  const tiles = el.dataset.tiles;
  if (tiles) {
    L.tileLayer(tiles, { attribution: el.dataset.tilesAttribution ?? '', maxZoom: 19 }).addTo(map);
    return;
  }
  const renderer = L.canvas({ padding: 0.2 });
  const style = { renderer, color: '#9a9486', weight: 0.8, fillColor: '#f2efe6', fillOpacity: 1, interactive: false } as L.PathOptions;
  const load = async (url: string | undefined) => {
    if (!url) return null;
    const topology = (await (await fetch(url)).json()) as Topology;
    const countries = feature(topology, topology.objects.countries!);
    return L.geoJSON(unwrapAntimeridian(countries), { style: () => style, interactive: false });
  };
  let coarse: L.GeoJSON | null = null;
  let detail: L.GeoJSON | null = null;
  let loadingDetail = false;
  void load(el.dataset.outlines).then((layer) => {
    coarse = layer;
    if (layer && !(detail && map.hasLayer(detail))) layer.addTo(map).bringToBack();
  });
  // From zoom 4, the detailed outlines (loaded once, when first needed).
  const update = () => {
    const wantDetail = map.getZoom() >= 4;
    if (wantDetail && !detail && !loadingDetail) {
      loadingDetail = true;
      void load(el.dataset.outlinesDetail).then((layer) => {
        detail = layer;
        update();
      });
    }
    if (wantDetail && detail) {
      if (!map.hasLayer(detail)) detail.addTo(map).bringToBack();
      if (coarse && map.hasLayer(coarse)) coarse.remove();
    } else if (coarse && !map.hasLayer(coarse)) {
      coarse.addTo(map).bringToBack();
      if (detail && map.hasLayer(detail)) detail.remove();
    }
  };
  map.on('zoomend', update);
  map.attributionControl.addAttribution('Natural Earth');
}

/**
 * Rings that cross the antimeridian (Russia, Fiji, Antarctica) jump from +180 to −180: drawn as is,
 * they streak across the whole map. Each ring is made continuous instead (longitudes beyond ±180
 * are fine for Leaflet).
 */
function unwrapAntimeridian<T extends GeoJSON.GeoJSON>(geo: T): T {
  const unwrap = (points: GeoJSON.Position[]): GeoJSON.Position[] => {
    const out: GeoJSON.Position[] = [];
    let shift = 0;
    for (let i = 0; i < points.length; i++) {
      const [lng, lat] = points[i] as [number, number];
      if (i > 0) {
        const previous = (points[i - 1] as [number, number])[0];
        if (lng - previous > 180) shift -= 360;
        else if (previous - lng > 180) shift += 360;
      }
      out.push([lng + shift, lat]);
    }
    return out;
  };
  const geometry = (g: GeoJSON.Geometry): GeoJSON.Geometry => {
    if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrap) };
    if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((polygon) => polygon.map(unwrap)) };
    return g;
  };
  if (geo.type === 'FeatureCollection') return { ...geo, features: geo.features.map((f) => ({ ...f, geometry: f.geometry && geometry(f.geometry) })) };
  if (geo.type === 'Feature') return { ...geo, geometry: geo.geometry && geometry(geo.geometry) };
  return geo;
}

function newMap(el: HTMLElement, options: L.MapOptions = {}): L.Map {
  el.replaceChildren();
  const map = L.map(el, { minZoom: 1, maxZoom: 18, worldCopyJump: true, zoomSnap: 1, keyboard: true, maxBounds: [[-90, -360], [90, 360]], ...options });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  basemap(map, el);
  return map;
}

/** A marker a keyboard can reach and press (Enter or Space), with its name read out. */
function accessibleMarker(latlng: L.LatLngExpression, html: string, className: string, size: number, text: string): L.Marker {
  const marker = L.marker(latlng, { icon: L.divIcon({ html, className, iconSize: [size, size] }), title: text, keyboard: true, riseOnHover: true });
  marker.on('add', () => {
    const icon = marker.getElement();
    if (!icon) return;
    icon.setAttribute('aria-label', text);
    icon.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        marker.fire('click');
      }
    });
  });
  return marker;
}

async function start(el: HTMLElement): Promise<void> {
  performance.mark('map:start');
  const labels = JSON.parse(el.dataset.labels ?? '{}') as Labels;
  const mode = el.dataset.mode;
  if (mode === 'single') return single(el);
  if (mode === 'pick') return pick(el, labels);
  return browse(el, labels, mode === 'embed');
}

function single(el: HTMLElement): void {
  const lat = Number(el.dataset.lat);
  const lng = Number(el.dataset.lng);
  const map = newMap(el, { scrollWheelZoom: false });
  map.setView([lat, lng], 10);
  accessibleMarker([lat, lng], '<span class="map-dot"></span>', 'map-point', 18, el.dataset.name ?? '').addTo(map);
  el.dataset.ready = 'true';
}

function pick(el: HTMLElement, labels: Labels): void {
  const latInput = document.getElementById('f-lat') as HTMLInputElement | null;
  const lngInput = document.getElementById('f-lng') as HTMLInputElement | null;
  const cityInput = document.getElementById('f-city') as HTMLInputElement | null;
  const countryInput = document.getElementById('f-country') as HTMLSelectElement | null;
  if (!latInput || !lngInput) return;
  const map = newMap(el, { scrollWheelZoom: false });
  let marker: L.Marker | null = null;
  const place = (lat: number, lng: number, zoom?: number) => {
    latInput.value = lat.toFixed(5);
    lngInput.value = lng.toFixed(5);
    if (marker) marker.setLatLng([lat, lng]);
    else marker = accessibleMarker([lat, lng], '<span class="map-dot"></span>', 'map-point', 18, `${lat.toFixed(5)}, ${lng.toFixed(5)}`).addTo(map);
    if (zoom !== undefined) map.setView([lat, lng], zoom);
  };
  const lat = Number(el.dataset.lat);
  const lng = Number(el.dataset.lng);
  if (el.dataset.lat && el.dataset.lng && Number.isFinite(lat) && Number.isFinite(lng)) place(lat, lng, 11);
  else map.setView([46.6, 2.4], 4);
  map.on('click', (event: L.LeafletMouseEvent) => place(event.latlng.lat, L.Util.wrapNum(event.latlng.lng, [-180, 180], true)));
  // "Place from the city": the site's gazetteer, then the pin can be moved by a click.
  if (cityInput && countryInput && el.dataset.geocode) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button-secondary map-locate';
    button.textContent = labels.locate ?? 'Locate';
    const status = document.createElement('p');
    status.className = 'hint';
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      status.textContent = '';
      const url = `${el.dataset.geocode}?city=${encodeURIComponent(cityInput.value)}&country=${encodeURIComponent(countryInput.value)}`;
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      const body = (await response.json()) as { lat?: number; lng?: number; message?: string };
      if (response.ok && typeof body.lat === 'number' && typeof body.lng === 'number') place(body.lat, body.lng, 11);
      else status.textContent = body.message ?? '';
    });
    el.before(button, status);
  }
  el.dataset.ready = 'true';
}

interface PointsFile {
  points: [number, number, number][];
}

interface ClustersFile {
  total: number;
  cells: [number, number, number, number][];
}

/**
 * Two steps, so the map is drawn clustered at once whatever the number of organisations: first
 * the server's grid of counts for this zoom (a small, cached file), then — once the points have
 * arrived and Supercluster has indexed them in the browser — the real clusters, which follow
 * every move without asking the server.
 */
async function browse(el: HTMLElement, labels: Labels, embed: boolean): Promise<void> {
  const started = performance.now();
  const filter = el.dataset.filter ?? '';
  const pointsPromise = fetch(el.dataset.points!).then((r) => r.json() as Promise<PointsFile>);
  const map = newMap(el);
  const box = (el.dataset.bbox ?? '').split(',').map(Number);
  if (box.length === 4 && box.every(Number.isFinite)) map.fitBounds([[box[1]!, box[0]!], [box[3]!, box[2]!]]);
  else map.setView([30, 5], 2);
  performance.mark('map:created');

  const markers = L.layerGroup().addTo(map);
  const popupFor = async (marker: L.Marker, id: number) => {
    const response = await fetch(`/api/map/points/${id}`, { headers: { accept: 'application/json' } });
    if (!response.ok) return;
    const { item } = (await response.json()) as { item: { name: string; slug: string; city: string; country: string; website: string } };
    const target = embed ? ' target="_top"' : '';
    marker
      .bindPopup(`<strong>${escapeHtml(item.name)}</strong><br>${escapeHtml([item.city, item.country].filter(Boolean).join(', '))}<br><a href="/map/organisations/${encodeURIComponent(item.slug)}"${target}>${escapeHtml(label(labels, 'open'))}</a>`)
      .openPopup();
  };
  const clusterMarker = (lat: number, lng: number, count: number, abbreviated: string | number, zoomTo: () => number) => {
    const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50;
    const marker = accessibleMarker([lat, lng], `<span>${abbreviated}</span>`, 'map-cluster', size, label(labels, 'cluster', count));
    marker.on('click', () => map.setView([lat, lng], Math.min(zoomTo(), 18)));
    return marker;
  };
  const pointMarker = (lat: number, lng: number, id: number) => {
    const marker = accessibleMarker([lat, lng], '<span class="map-dot"></span>', 'map-point', 18, `#${id}`);
    marker.on('click', () => void popupFor(marker, id));
    return marker;
  };
  const visibleBox = () => {
    const b = map.getBounds();
    return [Math.max(-180, b.getWest()), Math.max(-85, b.getSouth()), Math.min(180, b.getEast()), Math.min(85, b.getNorth())] as [number, number, number, number];
  };

  // 1. The server's grid for this view.
  let index: Supercluster<PointProps, PointProps> | null = null;
  let gridGeneration = 0;
  const drawGrid = async (): Promise<number> => {
    const zoom = Math.round(map.getZoom());
    // The world views are the same for everyone (cached, preloaded); closer, only the area shown.
    const area = zoom > 3 ? `&bbox=${visibleBox().map((x) => x.toFixed(4)).join(',')}` : '';
    const mine = ++gridGeneration;
    const grid = (await (await fetch(`/map/clusters.json?zoom=${zoom}${filter ? `&${filter}` : ''}${area}`)).json()) as ClustersFile;
    if (index || mine !== gridGeneration) return grid.total;
    markers.clearLayers();
    for (const [lat, lng, count, id] of grid.cells) markers.addLayer(count > 1 ? clusterMarker(lat, lng, count, count >= 1000 ? `${Math.round(count / 100) / 10}k` : count, () => zoom + 2) : pointMarker(lat, lng, id));
    return grid.total;
  };
  // 2. The browser's own clusters.
  const render = (): number => {
    if (!index) return 0;
    const clusters = index.getClusters(visibleBox(), Math.round(map.getZoom()));
    markers.clearLayers();
    let inView = 0;
    for (const c of clusters) {
      const [lng, lat] = c.geometry.coordinates as [number, number];
      const props = c.properties as Supercluster.AnyProps;
      if (props.cluster) {
        inView += props.point_count as number;
        const clusterIndex = index;
        markers.addLayer(clusterMarker(lat, lng, props.point_count as number, props.point_count_abbreviated as string, () => clusterIndex.getClusterExpansionZoom(props.cluster_id as number)));
      } else {
        inView += 1;
        markers.addLayer(pointMarker(lat, lng, (props as PointProps).id));
      }
    }
    return inView;
  };
  const update = async (): Promise<number> => (index ? render() : drawGrid());

  const total = await drawGrid();
  el.dataset.ready = 'true';
  el.dataset.renderMs = String(Math.round(performance.now() - started));
  // Milliseconds since the navigation started (the benchmark reads it).
  el.dataset.readyAt = String(Math.round(performance.now()));
  el.dataset.points = String(total);
  el.dataset.markers = String(markers.getLayers().length);
  performance.mark('map:drawn');

  void pointsPromise.then(({ points }) => {
    performance.mark('map:points');
    // Clusters up to zoom 14 (a few hundred metres): beyond it, single organisations are shown as they are.
    const built = new Supercluster<PointProps, PointProps>({ radius: 60, maxZoom: 14, minPoints: 2 });
    built.load(points.map(([id, lat, lng]) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [lng, lat] }, properties: { id } })));
    index = built;
    render();
    if (!el.dataset.bbox && points.length) {
      let [south, west, north, east] = [90, 180, -90, -180];
      for (const [, lat, lng] of points) {
        if (lat < south) south = lat;
        if (lat > north) north = lat;
        if (lng < west) west = lng;
        if (lng > east) east = lng;
      }
      // Organisations all over the world: the world view is already right.
      const bounds = L.latLngBounds([south, west], [north, east]);
      if (bounds.isValid() && east - west < 180) map.fitBounds(bounds.pad(0.1), { maxZoom: 10 });
    }
    el.dataset.indexed = 'true';
    el.dataset.indexedAt = String(Math.round(performance.now()));
    el.dataset.markers = String(markers.getLayers().length);
    performance.mark('map:indexed');
  });

  if (embed) {
    map.on('moveend', () => void update());
    return;
  }

  // The list beside the map follows the visible area (the server rendered the first one).
  const list = document.getElementById('map-list-items');
  const heading = document.getElementById('list-heading');
  let timer: number | undefined;
  let moved = false;
  let generation = 0;
  const refreshList = async () => {
    const n = await update();
    if (!moved || !list) return;
    const b = map.getBounds();
    const bbox = [Math.max(-180, b.getWest()), Math.max(-90, b.getSouth()), Math.min(180, b.getEast()), Math.min(90, b.getNorth())].map((x) => x.toFixed(5)).join(',');
    const api = new URL(el.dataset.api!, location.href);
    api.searchParams.set('bbox', bbox);
    api.searchParams.set('limit', '50');
    const mine = ++generation;
    const response = await fetch(api, { headers: { accept: 'application/json' } });
    if (!response.ok || mine !== generation) return;
    const page = (await response.json()) as { items: { name: string; slug: string; city: string; country: string }[]; next: string | null };
    if (heading) heading.textContent = label(labels, 'inArea', n);
    const ul = document.createElement('ul');
    ul.className = 'org-list';
    for (const item of page.items) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `/map/organisations/${encodeURIComponent(item.slug)}`;
      a.className = 'org-name';
      a.textContent = item.name;
      const where = document.createElement('span');
      where.className = 'org-place';
      where.textContent = [item.city, item.country].filter(Boolean).join(', ');
      li.append(a, where);
      ul.append(li);
    }
    const children: Node[] = [ul];
    if (page.items.length === 0) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = label(labels, 'none');
      children.splice(0, 1, p);
    } else if (page.next) {
      const more = document.createElement('p');
      more.className = 'hint';
      const link = document.createElement('a');
      const query = new URLSearchParams(el.dataset.filter ?? '');
      query.set('bbox', bbox);
      query.set('page', '2');
      link.href = `/map?${query.toString()}`;
      link.textContent = `${label(labels, 'next')} →`;
      more.append(label(labels, 'more'), ' ', link);
      children.push(more);
    }
    list.replaceChildren(...children);
    // The address of this view: filters and area, shareable.
    const query = new URLSearchParams(el.dataset.filter ?? '');
    query.set('bbox', bbox);
    history.replaceState(null, '', `/map?${query.toString()}`);
  };
  map.on('movestart', () => {
    moved = true;
  });
  map.on('moveend', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void refreshList(), 250);
  });
}
