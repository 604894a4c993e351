// The cover logo as the PDF writer takes it (checked by core/report/logo.ts).
export type { Logo } from '../../report/logo';
