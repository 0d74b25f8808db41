/** The same keys as the Japanese resource, every value a string: keeps `en` complete. */
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
