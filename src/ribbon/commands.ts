/* Ribbon commands: the Home-tab button opens the task pane itself (ShowTaskpane), so no function is needed beyond readiness. */
Office.onReady(() => undefined);
