/**
 * Shows a PDF the server makes (a 帳票 printed now) in a new tab: the tab is opened at once, inside the click, so
 * that the browser does not block it as a pop-up, and gets the PDF when it arrives; on failure the tab closes and
 * the error goes to the caller. Returns the object URL (kept for 10 minutes, for a 「もう一度開く」 link).
 */
export async function openPdfInTab(request: () => Promise<Blob>): Promise<string> {
  const tab = window.open('', '_blank');
  try {
    const blob = await request();
    const url = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
    if (tab) {
      tab.opener = null;
      tab.location.href = url;
    } else window.open(url, '_blank', 'noopener');
    setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
    return url;
  } catch (err) {
    tab?.close();
    throw err;
  }
}
