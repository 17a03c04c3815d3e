/** The console's own links that several pages build. */
export const assetPath = (id: string) => `/inventory/${encodeURIComponent(id)}`;
