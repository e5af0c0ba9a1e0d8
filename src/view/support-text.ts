/** How the support fields read on pages, the support page and the lookup: one wording each. */
import type { Audience, Escalation, Severity, SupportTeam } from '../schemas/support';

/** Who must act, in words. */
export const AUDIENCE_LABELS: Record<Audience, string> = {
  'end-user': 'End user',
  developer: 'Integrating developer',
  support: 'Support',
  operations: 'Operations',
};

/** Severity, in words. */
export const SEVERITY_LABELS: Record<Severity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

/** The audiences of a code in words, e.g. "End user, Support". */
export function audienceInWords(audience: readonly Audience[]): string {
  return audience.map((one) => AUDIENCE_LABELS[one]).join(', ');
}

/**
 * To whom an escalation goes: the team's name and its channel (the escalation's own channel
 * first), e.g. "Payments on-call (#pay-oncall)"; undefined when the escalation names no team.
 */
export function escalationTarget(escalation: Escalation, teams: Record<string, SupportTeam>): string | undefined {
  const team = escalation.team ? teams[escalation.team] : undefined;
  if (!team) return escalation.channel;
  const channel = escalation.channel ?? team.channel;
  return channel ? `${team.name} (${channel})` : team.name;
}
