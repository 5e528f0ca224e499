// CPU time spent by this process and by the PostgreSQL server's processes, for "where does the time go" lines next to
// throughput figures (Linux /proc; zero for PostgreSQL elsewhere). Clock ticks are 1/100 s.
import { readdirSync, readFileSync } from "node:fs";

function postgresCpuMs(): number {
  let ticks = 0;
  let dirs: string[];
  try {
    dirs = readdirSync("/proc");
  } catch {
    return 0;
  }
  for (const d of dirs) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      if (!comm.startsWith("postgres")) continue;
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // the process ended meanwhile
    }
  }
  return ticks * 10;
}

export interface CpuMark {
  nodeMs: number;
  postgresMs: number;
}

export function cpuMark(): CpuMark {
  const u = process.cpuUsage();
  return { nodeMs: (u.user + u.system) / 1000, postgresMs: postgresCpuMs() };
}

/// CPU per unit of work between two marks.
export function cpuPer(from: CpuMark, to: CpuMark, units: number): CpuMark {
  return { nodeMs: (to.nodeMs - from.nodeMs) / units, postgresMs: (to.postgresMs - from.postgresMs) / units };
}
