using CharRnnLab.Core.Yardsticks.Errors;

namespace CharRnnLab.Cli.Commands;

/// <summary>What `charrnn errors` prints: a table (one run, or two side by side) or a JSON object.</summary>
internal static class ErrorsReport
{
    /// <summary>One letter per symbol for the JSON's "perSymbol": not predicted, correct, then the error kinds.</summary>
    public static char Letter(ErrorCategory c) => c switch
    {
        ErrorCategory.NotPredicted => '-',
        ErrorCategory.Correct => '.',
        ErrorCategory.NgramFixable => 'n',
        ErrorCategory.RareWord => 'r',
        ErrorCategory.AfterSpace => 's',
        ErrorCategory.Punctuation => 'p',
        _ => 'o',
    };

    public static object ToJson(ErrorBreakdown a, ErrorBreakdown? b, string text)
    {
        var comparison = b is null ? null : ErrorComparison.Of(a, b);
        return new
        {
            text,
            a.Options,
            breakdown = Json(a),
            versus = b is null ? null : Json(b),
            comparison = comparison is null ? null : new { comparison.Categories, comparison.NewInB },
        };
    }

    private static object Json(ErrorBreakdown r) => new
    {
        r.Predictions, r.Errors, r.ErrorRate, r.Categories, perSymbol = new string(r.PerSymbol.Select(Letter).ToArray()),
    };

    public static void WriteTable(TextWriter o, ErrorBreakdown a, ErrorBreakdown? b, string run, string? versus, string text)
    {
        var options = a.Options;
        o.WriteLine($"{run} on {text}: {a.Errors:N0} errors (p < {options.Threshold}) in {a.Predictions:N0} predictions ({a.ErrorRate:P1})");
        if (b is null)
        {
            o.WriteLine("category                    errors   share");
            foreach (var row in a.Categories) o.WriteLine($"{Name(row.Category, options),-26} {row.Count,7:N0}  {row.Share,6:P1}");
            return;
        }
        var comparison = ErrorComparison.Of(a, b);
        o.WriteLine($"{versus} on the same text: {b.Errors:N0} errors ({b.ErrorRate:P1})");
        o.WriteLine("category                   errors of A  fixed by B  errors of B");
        foreach (var row in comparison.Categories)
            o.WriteLine($"{Name(row.Category, options),-26} {row.ErrorsOfA,11:N0}  {row.FixedByB,10:N0}  {row.ErrorsOfB,11:N0}");
        o.WriteLine($"right in A, wrong in B: {comparison.NewInB:N0}");
    }

    private static string Name(ErrorCategory c, ErrorOptions options) => c switch
    {
        ErrorCategory.NgramFixable => $"n-gram fixable (order ≤ {options.OracleOrder})",
        ErrorCategory.RareWord => $"rare word (seen ≤ {options.RareCount}×)",
        ErrorCategory.AfterSpace => "after space/newline",
        ErrorCategory.Punctuation => "punctuation",
        _ => "other",
    };
}
