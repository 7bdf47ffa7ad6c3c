namespace CharRnnLab.Core.Yardsticks.Errors;

/// <summary>One row of the breakdown: a category's errors and their share of all errors.</summary>
public sealed record CategoryCount(ErrorCategory Category, int Count, double Share);

/// <summary>
/// A model's errors on a text, by category: the table, and each symbol's category (for colouring
/// the text; index i is the text's i-th Unicode scalar value).
/// </summary>
/// <param name="Predictions">Symbols predicted: all but the first.</param>
/// <param name="Errors">Predictions given a probability below the threshold.</param>
/// <param name="Categories">The error categories (not Correct, NotPredicted), in <see cref="ErrorCategory"/> order.</param>
/// <param name="PerSymbol">(symbols) the category of each symbol.</param>
/// <param name="Probabilities">(symbols − 1) the model's probability of symbol i + 1.</param>
/// <param name="Options">The threshold, oracle order and rare-word count used.</param>
public sealed record ErrorBreakdown(
    int Predictions, int Errors, IReadOnlyList<CategoryCount> Categories, ErrorCategory[] PerSymbol, double[] Probabilities, ErrorOptions Options)
{
    public double ErrorRate => Predictions == 0 ? 0 : Errors / (double)Predictions;

    /// <summary>The categories that count as errors, in the order they are tried.</summary>
    public static readonly IReadOnlyList<ErrorCategory> ErrorKinds =
        [ErrorCategory.NgramFixable, ErrorCategory.RareWord, ErrorCategory.AfterSpace, ErrorCategory.Punctuation, ErrorCategory.Other];
}

/// <summary>One category of model A's errors: how many model B gets right.</summary>
public sealed record CategoryFix(ErrorCategory Category, int ErrorsOfA, int FixedByB, int ErrorsOfB);

/// <summary>Two models on the same text: what the second fixes and what it breaks.</summary>
/// <param name="A">The first model's breakdown.</param>
/// <param name="B">The second model's, on the same text.</param>
/// <param name="Categories">Per category of A's errors: how many B gets right.</param>
/// <param name="NewInB">Symbols A got right and B gets wrong.</param>
public sealed record ErrorComparison(ErrorBreakdown A, ErrorBreakdown B, IReadOnlyList<CategoryFix> Categories, int NewInB)
{
    public static ErrorComparison Of(ErrorBreakdown a, ErrorBreakdown b)
    {
        if (a.PerSymbol.Length != b.PerSymbol.Length)
            throw new ArgumentException($"the breakdowns are of different texts ({a.PerSymbol.Length} and {b.PerSymbol.Length} symbols)");
        var rows = ErrorBreakdown.ErrorKinds.Select(c => new CategoryFix(c,
            a.PerSymbol.Count(x => x == c),
            a.PerSymbol.Zip(b.PerSymbol).Count(x => x.First == c && x.Second == ErrorCategory.Correct),
            b.PerSymbol.Count(x => x == c))).ToArray();
        int broken = a.PerSymbol.Zip(b.PerSymbol).Count(x => x.First == ErrorCategory.Correct && x.Second != ErrorCategory.Correct);
        return new ErrorComparison(a, b, rows, broken);
    }
}
