namespace IvpSim.Web;

/// <summary>The planner's styles: the report's look, with forms.</summary>
internal static class PlannerStyle
{
    public const string Css = """
        :root { --ink: #1d2733; --muted: #5b6775; --line: #d5dbe1; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.45 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f6f7f9; }
        header { background: #1f3a5f; color: #fff; padding: 20px 32px; }
        header h1 { margin: 0 0 6px; font-size: 22px; }
        header .sub { margin: 0; opacity: .85; font-size: 14px; }
        main { max-width: 1180px; margin: 0 auto; padding: 8px 24px 32px; }
        section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 14px 18px; margin: 16px 0; overflow-x: auto; }
        h2 { margin: 0 0 8px; font-size: 19px; color: #1f3a5f; }
        .intro, footer { color: var(--muted); font-size: 13px; }
        footer { text-align: center; padding: 16px; }
        table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
        th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: middle; }
        thead th { background: #eef1f4; font-weight: 600; }
        td.num, th.num { text-align: right; white-space: nowrap; }
        td.num small { color: var(--muted); }
        input[type=number] { width: 5.5em; }
        label { margin-right: 14px; }
        button { padding: 5px 12px; margin-right: 8px; border: 1px solid #1f3a5f; background: #fff; color: #1f3a5f; border-radius: 4px; cursor: pointer; }
        button.primary { background: #1f3a5f; color: #fff; }
        .error { background: #f9d6d5; border: 1px solid #d9a3a1; padding: 10px 14px; border-radius: 4px; }
        .message { background: #d8f0dc; border: 1px solid #9fcfa8; padding: 10px 14px; border-radius: 4px; }
        figure { margin: 12px 0; text-align: center; }
        figure img { max-width: 100%; height: auto; border: 1px solid var(--line); }
        figcaption { color: var(--muted); font-size: 12px; }
        """;
}
