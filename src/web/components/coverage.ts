/** Compulsory participants as a share of the labour force; null while either figure is missing. */
export function coverageRatio(d: {
  labourForce: number | null;
  compulsoryParticipants: number | null;
}): number | null {
  if (!d.labourForce || d.compulsoryParticipants === null) return null;
  return d.compulsoryParticipants / d.labourForce;
}
