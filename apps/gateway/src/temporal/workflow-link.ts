/** The Temporal Web UI page of a workflow execution (the link every workflow response carries). */
export function temporalUiWorkflowUrl(
  uiUrl: string,
  namespace: string,
  workflowId: string,
): string {
  return `${uiUrl}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;
}
