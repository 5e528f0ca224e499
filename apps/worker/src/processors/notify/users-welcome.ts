import { parsePayload, usersWelcome } from "@xiangda/jobs";
import type { Processor } from "../types.ts";

export const processUsersWelcome: Processor = async (job, deps) => {
  const p = parsePayload(usersWelcome, job.data);
  await deps.sender.send({
    jobId: job.id ?? usersWelcome.jobId(p),
    channel: "IN_APP",
    recipient: p.userId,
    template: "users.welcome",
    payload: { username: p.username, displayName: p.displayName },
  });
  return { notified: p.userId };
};
