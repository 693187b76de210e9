/** Site-wide endpoints: health, language switch, robots.txt and sitemap.xml (nothing for other modules). */
export {};
