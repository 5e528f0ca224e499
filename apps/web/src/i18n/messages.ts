// The shape a language file must match, key for key: the Chinese file's keys, every leaf a string.
type DeepStrings<T> = { readonly [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

export type TMessagesOf<T> = DeepStrings<T>;
