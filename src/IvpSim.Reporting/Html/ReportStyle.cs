namespace IvpSim.Reporting.Html;

/// <summary>The report's styles: readable on a laptop, printed on A4 without cut tables or charts.</summary>
internal static class ReportStyle
{
    public const string Css = """
        :root { --ink: #1d2733; --muted: #5b6775; --line: #d5dbe1; --likely: #d8f0dc; --uncertain: #fff0c2; --unlikely: #f9d6d5; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
        header { background: #1f3a5f; color: #fff; padding: 24px 32px; }
        header h1 { margin: 0 0 6px; font-size: 24px; }
        header .sub { margin: 0; opacity: .85; font-size: 14px; }
        main { max-width: 1180px; margin: 0 auto; padding: 8px 24px 32px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; margin: 18px 0; }
        h2 { margin: 0 0 8px; font-size: 20px; color: #1f3a5f; }
        h3 { margin: 18px 0 6px; font-size: 16px; }
        .intro, .legend, footer { color: var(--muted); font-size: 13px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
        th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
        thead th { background: #eef1f4; font-weight: 600; }
        td.num { text-align: right; white-space: nowrap; }
        td.num small { color: var(--muted); }
        section { overflow-x: auto; }
        td.chance { text-align: center; min-width: 120px; }
        td.chance small { color: var(--muted); }
        td.source { font-size: 12px; color: var(--muted); word-break: break-word; }
        .likely { background: var(--likely); } .uncertain { background: var(--uncertain); } .unlikely { background: var(--unlikely); }
        .legend span { padding: 2px 8px; border-radius: 3px; margin-right: 6px; color: var(--ink); }
        figure { margin: 12px 0; text-align: center; }
        figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
        figcaption { color: var(--muted); font-size: 12px; }
        footer { text-align: center; padding: 16px; }
        @page { size: A4; margin: 14mm 12mm; }
        @media print {
          body { background: #fff; font-size: 10pt; }
          header { background: #fff; color: var(--ink); padding: 0 0 8px; border-bottom: 2px solid #1f3a5f; }
          main { max-width: none; padding: 0; }
          section { border: none; padding: 0; margin: 0 0 10mm; break-inside: auto; }
          h2, h3 { break-after: avoid; }
          table { font-size: 8.5pt; } tr, figure { break-inside: avoid; }
          figure img { max-height: 120mm; border: none; }
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """;
}
