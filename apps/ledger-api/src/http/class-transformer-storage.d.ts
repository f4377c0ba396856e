/**
 * The part of class-transformer's metadata storage that tells whether a class has any rule of its
 * own for turning a plain object into an instance. The package ships no declaration for this
 * module, though every decorator of it writes there.
 */
declare module 'class-transformer/cjs/storage' {
  /** A class, as the storage keys its metadata. */
  type Target = abstract new (...args: never[]) => unknown;

  interface TransformerMetadataStorage {
    findTypeMetadata(target: Target, propertyName: string): unknown;
    findTransformMetadatas(target: Target, propertyName: string, transformationType: number): readonly unknown[];
    findExposeMetadataByCustomName(target: Target, name: string): unknown;
    getExposedMetadatas(target: Target): readonly unknown[];
    getExcludedMetadatas(target: Target): readonly unknown[];
    getStrategy(target: Target): string;
  }
  export const defaultMetadataStorage: TransformerMetadataStorage;
}
