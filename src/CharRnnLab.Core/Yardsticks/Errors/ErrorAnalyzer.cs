using System.Text;
using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Ngrams;

namespace CharRnnLab.Core.Yardsticks.Errors;

/// <summary>
/// Sorts a model's errors on a text into <see cref="ErrorCategory"/>s, against the corpus's
/// training split: its n-gram models (the oracle) and its word counts. The model's probabilities
/// come from <see cref="Evaluation.TextEvaluator.TargetProbabilities"/> (run that on the compute lane).
/// </summary>
public sealed class ErrorAnalyzer
{
    private readonly NgramIndex _index;
    private readonly Corpus _corpus;
    private readonly Dictionary<string, int> _trainingWords;

    public ErrorAnalyzer(NgramIndex index, Corpus corpus, ErrorOptions? options = null)
    {
        Options = options ?? new ErrorOptions();
        if (Options.OracleOrder is < 1 or > NgramIndex.MaxOrder)
            throw new ConfigException($"The n-gram oracle's order must be between 1 and {NgramIndex.MaxOrder} (got {Options.OracleOrder}).");
        if (Options.Threshold is <= 0 or > 1 || double.IsNaN(Options.Threshold))
            throw new ConfigException($"The error threshold must be a probability in (0, 1] (got {Options.Threshold}).");
        _index = index;
        _corpus = corpus;
        _trainingWords = WordRuns.Count(corpus.Text.EnumerateRunes().Take(index.TrainLength).ToArray());
    }

    public ErrorOptions Options { get; }

    /// <summary>The runs' validation split as text: the default text to analyse.</summary>
    public string ValidationText => _corpus.Vocabulary.Decode(_corpus.Encoded.Skip(_index.TrainLength));

    /// <param name="text">The text the probabilities are of; its symbols must be the corpus's.</param>
    /// <param name="probabilities">(symbols − 1) the model's probability of each symbol after the first.</param>
    public ErrorBreakdown Analyze(string text, double[] probabilities)
    {
        int[] symbols = _corpus.Vocabulary.Encode(text, "text");
        if (probabilities.Length != symbols.Length - 1)
            throw new ArgumentException($"{probabilities.Length} probabilities for a text of {symbols.Length} symbols (expected {symbols.Length - 1})");
        var runes = text.EnumerateRunes().ToArray();
        bool[] rare = RareWordSymbols(runes);
        var oracle = new KneserNey(_index);
        Span<double> p = stackalloc double[Options.OracleOrder];
        var categories = new ErrorCategory[symbols.Length];
        for (int i = 1; i < symbols.Length; i++)
        {
            if (probabilities[i - 1] >= Options.Threshold) { categories[i] = ErrorCategory.Correct; continue; }
            oracle.ProbabilitiesByOrder(symbols.AsSpan(Math.Max(0, i - Options.OracleOrder + 1), Math.Min(i, Options.OracleOrder - 1)), symbols[i], p);
            categories[i] = Max(p) >= Options.Threshold ? ErrorCategory.NgramFixable
                : rare[i] ? ErrorCategory.RareWord
                : runes[i - 1].Value is ' ' or '\n' ? ErrorCategory.AfterSpace
                : Rune.IsPunctuation(runes[i]) || Rune.IsSymbol(runes[i]) ? ErrorCategory.Punctuation
                : ErrorCategory.Other;
        }
        return Breakdown(categories, probabilities);
    }

    private static double Max(ReadOnlySpan<double> p)
    {
        double max = 0;
        foreach (double x in p) max = Math.Max(max, x);
        return max;
    }

    /// <summary>rare[i]: symbol i is a letter or digit of a word seen at most N times in training.</summary>
    private bool[] RareWordSymbols(Rune[] runes)
    {
        var rare = new bool[runes.Length];
        foreach (var (start, end) in WordRuns.Of(runes))
        {
            if (_trainingWords.GetValueOrDefault(WordRuns.Text(runes, start, end)) <= Options.RareCount) rare.AsSpan(start, end - start).Fill(true);
        }
        return rare;
    }

    private ErrorBreakdown Breakdown(ErrorCategory[] categories, double[] probabilities)
    {
        int errors = categories.Count(c => c is not (ErrorCategory.Correct or ErrorCategory.NotPredicted));
        var table = ErrorBreakdown.ErrorKinds.Select(c =>
        {
            int count = categories.Count(x => x == c);
            return new CategoryCount(c, count, errors == 0 ? 0 : count / (double)errors);
        }).ToArray();
        return new ErrorBreakdown(probabilities.Length, errors, table, categories, probabilities, Options);
    }
}
