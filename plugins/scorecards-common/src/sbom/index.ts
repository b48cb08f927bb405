export * from './sbomDiff';
