/** The CI variable a job output travels in (dotenv report of the producing job). */
export function outputVariable(output: string): string {
  return `WAYBILL_OUT_${output.toUpperCase().replace(/-/g, '_')}`;
}

/**
 * A job's outputs (`name=value` lines in outputs.raw) as the dotenv report later jobs read:
 * `WAYBILL_OUT_<NAME>` (see {@link outputVariable}).
 */
export const DOTENV_FROM_OUTPUTS = `awk '{i=index($0,"="); k=toupper(substr($0,1,i-1)); gsub(/-/,"_",k); print "WAYBILL_OUT_" k "=" substr($0,i+1)}' outputs.raw >> outputs.env`;
