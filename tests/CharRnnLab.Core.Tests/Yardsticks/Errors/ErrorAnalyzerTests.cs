using CharRnnLab.Core.Data;
using CharRnnLab.Core.Yardsticks.Errors;
using CharRnnLab.Core.Yardsticks.Ngrams;
using static CharRnnLab.Core.Yardsticks.Errors.ErrorCategory;

namespace CharRnnLab.Core.Tests.Yardsticks.Errors;

public class ErrorAnalyzerTests
{
    private static ErrorAnalyzer Analyzer(string training, ErrorOptions options, double validationFraction = 0)
    {
        var corpus = CorpusLoader.FromText("t", training);
        return new ErrorAnalyzer(NgramIndex.Build(corpus, validationFraction), corpus, options);
    }

    [Fact]
    public void Errors_fall_into_the_first_category_that_applies()
    {
        // aa, bb, cc, dd three times each, qq once; a unigram oracle is never sure (no symbol has p ≥ 0.5).
        var analyzer = Analyzer("aa bb cc dd, aa bb cc dd. aa bb cc dd! qq", new ErrorOptions(OracleOrder: 1, RareCount: 1));
        //                 a     a    ' '  q    q    ,    ' '  d    d
        double[] model = [0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1];

        var result = analyzer.Analyze("aa qq, dd", model);

        Assert.Equal([NotPredicted, Correct, Other, RareWord, RareWord, Punctuation, Other, AfterSpace, Other], result.PerSymbol);
        Assert.Equal((8, 7), (result.Predictions, result.Errors));
        Assert.Equal([0, 2, 1, 1, 3], result.Categories.Select(c => c.Count));
        Assert.Equal(3.0 / 7, result.Categories.Single(c => c.Category == Other).Share, 12);
        Assert.Equal(model, result.Probabilities);
    }

    [Fact]
    public void An_error_an_n_gram_of_order_k_or_less_gets_right_is_n_gram_fixable()
    {
        const string training = "abcabcabcabcabcabc";
        double[] model = [0.1, 0.1, 0.1, 0.1];

        var order3 = Analyzer(training, new ErrorOptions(OracleOrder: 3)).Analyze("abcab", model);
        var order1 = Analyzer(training, new ErrorOptions(OracleOrder: 1)).Analyze("abcab", model);

        Assert.All(order3.PerSymbol.Skip(1), c => Assert.Equal(NgramFixable, c));
        Assert.DoesNotContain(NgramFixable, order1.PerSymbol);
    }

    [Fact]
    public void The_threshold_decides_what_is_an_error()
    {
        var analyzer = Analyzer("xyz xyz", new ErrorOptions(Threshold: 0.3, OracleOrder: 1, RareCount: 0));

        var result = analyzer.Analyze("xyz", [0.3, 0.29]);

        Assert.Equal([NotPredicted, Correct, Other], result.PerSymbol);
    }

    [Fact]
    public void Two_models_show_what_the_second_fixes_and_breaks()
    {
        var analyzer = Analyzer("aa bb cc dd, aa bb cc dd. aa bb cc dd! qq", new ErrorOptions(OracleOrder: 1, RareCount: 1));
        var small = analyzer.Analyze("aa qq, dd", [0.9, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
        var big = analyzer.Analyze("aa qq, dd", [0.2, 0.1, 0.1, 0.9, 0.1, 0.1, 0.9, 0.9]);

        var comparison = ErrorComparison.Of(small, big);

        var rare = comparison.Categories.Single(c => c.Category == RareWord);
        var other = comparison.Categories.Single(c => c.Category == Other);
        Assert.Equal((2, 1, 1), (rare.ErrorsOfA, rare.FixedByB, rare.ErrorsOfB));
        Assert.Equal((3, 1, 3), (other.ErrorsOfA, other.FixedByB, other.ErrorsOfB)); // B: the first a, both spaces
        Assert.Equal(1, comparison.NewInB); // the second a
    }

    [Fact]
    public void The_default_text_is_the_validation_split()
    {
        var analyzer = Analyzer("0123456789", new ErrorOptions(), validationFraction: 0.3);

        Assert.Equal("789", analyzer.ValidationText);
    }

    [Fact]
    public void A_symbol_the_corpus_lacks_is_refused_by_name()
    {
        var analyzer = Analyzer("abc abc", new ErrorOptions());

        var error = Assert.Throws<CharRnnException>(() => analyzer.Analyze("abz", [0.1, 0.1]));

        Assert.Contains("'z' (U+007A)", error.Message);
    }
}
