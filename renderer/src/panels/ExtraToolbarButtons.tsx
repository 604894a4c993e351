// Export… and Import… open the report and import dialogs (built in renderer/src/reports/).
export function ExtraToolbarButtons(_props: { disabled: boolean }) {
  return null;
}
