/**
 * How every generated YAML file is written: long lines kept whole, single quotes (the generated
 * repository checks its formatting with Prettier), no anchors for repeated values.
 */
export const GENERATED_YAML = {
  lineWidth: 0,
  singleQuote: true,
  aliasDuplicateObjects: false,
} as const;
