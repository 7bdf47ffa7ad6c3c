namespace CharRnnLab.Web.Compare;

/// <summary>
/// The Compare page's shareable URL: <c>/compare?runs=a,b,c&amp;x=chars</c>, and
/// <c>queued=q-…,q-…</c> for queue entries that have not started yet (a preset's runs).
/// </summary>
public static class CompareLinks
{
    public const string Path = "/compare";

    /// <summary>The page comparing <paramref name="runIds"/> (in that order), then the runs
    /// <paramref name="queuedIds"/> will become, on <paramref name="axis"/>.</summary>
    public static string For(IEnumerable<string> runIds, CompareAxis axis = CompareAxis.Iterations, IEnumerable<string>? queuedIds = null)
    {
        var query = new List<string>();
        Add(query, "runs", runIds);
        Add(query, "queued", queuedIds ?? []);
        if (axis != CompareAxis.Iterations) query.Add("x=" + axis.Wire());
        return query.Count == 0 ? Path : $"{Path}?{string.Join('&', query)}";
    }

    private static void Add(List<string> query, string name, IEnumerable<string> ids)
    {
        var list = string.Join(',', ids.Select(Uri.EscapeDataString));
        if (list.Length > 0) query.Add($"{name}={list}");
    }

    /// <summary>The ids of a <c>runs=</c> or <c>queued=</c> value: comma-separated, blanks and repeats dropped, order kept.</summary>
    public static IReadOnlyList<string> ParseRuns(string? runs) =>
        (runs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
