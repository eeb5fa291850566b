/** One streaming pass over each list, feeding a ProgramAccumulator per program. */
import { ProgramAccumulator } from "../domain/aggregate.js";
import type { Program } from "../domain/program.js";
import { scanPrograms } from "../pipeline/scan.js";
import type { ListResult } from "../pipeline/types.js";
import type { Workspace } from "../pipeline/workspace.js";
import { progressReporter } from "./progress.js";

export interface Scanned {
  results: ListResult[];
  accumulators: Map<string, ProgramAccumulator>;
}

export async function scanFigures(ws: Workspace, programs: Program[], opts: { keepNiks: boolean; progress: boolean }): Promise<Scanned> {
  const accumulators = new Map<string, ProgramAccumulator>();
  for (const p of programs) {
    accumulators.set(p.id, new ProgramAccumulator(p, {
      districts: ws.areas.districtsOf(p.region),
      regionName: ws.areas.regency(p.region)?.name ?? p.region,
      keepNiks: opts.keepNiks,
    }));
  }
  // rows arrive program by program: remember the current accumulator instead of a lookup per row
  let current: Program | undefined;
  let acc: ProgramAccumulator | undefined;
  const progress = opts.progress ? progressReporter(process.stderr) : undefined;
  const results = await scanPrograms(ws, {
    programs,
    onParticipant(p, program) {
      if (program !== current) {
        current = program;
        acc = accumulators.get(program.id);
      }
      acc?.add(p);
    },
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.done();
  return { results, accumulators };
}
