namespace CharRnnLab.Web.Compare;

/// <summary>The Compare page's shareable URL: <c>/compare?runs=a,b,c&amp;x=chars</c>.</summary>
public static class CompareLinks
{
    public const string Path = "/compare";

    /// <summary>The page comparing <paramref name="runIds"/> (in that order) on <paramref name="axis"/>.</summary>
    public static string For(IEnumerable<string> runIds, CompareAxis axis = CompareAxis.Iterations)
    {
        var runs = string.Join(',', runIds.Select(Uri.EscapeDataString));
        var url = runs.Length == 0 ? Path : $"{Path}?runs={runs}";
        if (axis == CompareAxis.Iterations) return url;
        return url + (runs.Length == 0 ? "?" : "&") + "x=" + axis.Wire();
    }

    /// <summary>The run ids of a <c>runs=</c> value: comma-separated, blanks and repeats dropped, order kept.</summary>
    public static IReadOnlyList<string> ParseRuns(string? runs) =>
        (runs ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();
}
