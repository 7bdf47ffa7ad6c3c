using CharRnnLab.Core.Analysis.Cells;
using CharRnnLab.Core.Analysis.Features;
using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Analysis.Recording;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;
using CharRnnLab.Core.Tests.Interventions;

namespace CharRnnLab.Core.Tests.Analysis.Cells;

/// <summary>A cell's profile against the naive computations it replaces, on exact recordings of tiny models (hidden 4, vocabulary 5).</summary>
public class CellProfilerTests
{
    private const string Alphabet = "ab \"\n";

    private static readonly ActivationRecording Lstm = Record(CellType.Lstm);
    private static readonly CellProfileOptions Narrow = new() { Top = 6, Before = 5, After = 3, Bins = 7, Neighbours = 4 };

    [Theory]
    [InlineData(0, ActivationKind.TanhCell, 1)]
    [InlineData(1, ActivationKind.Cell, 3)]
    [InlineData(1, ActivationKind.ForgetGate, 0)]
    public void The_snippets_are_the_true_maxima_and_minima_none_overlapping(int layer, ActivationKind kind, int unit)
    {
        var cell = new CellId(layer, kind, unit);
        float[] column = Lstm.Column(layer, kind, unit);

        var profile = CellProfiler.Compute(Lstm, cell, [], Narrow);

        Assert.Equal(NaivePeaks(column, 6, separation: 8, sign: +1), profile.Highest.Select(s => s.Peak));
        Assert.Equal(NaivePeaks(column, 6, separation: 8, sign: -1), profile.Lowest.Select(s => s.Peak));
        Assert.Equal(column.Max(), profile.Highest[0].PeakValue);
        Assert.Equal(column.Min(), profile.Lowest[0].PeakValue);
        foreach (var snippet in profile.Highest.Concat(profile.Lowest))
        {
            Assert.Equal(Math.Max(0, snippet.Peak - 5), snippet.Start);
            Assert.Equal(Math.Min(column.Length, snippet.Peak + 4), snippet.End);
            Assert.Equal(column[snippet.Start..snippet.End], snippet.Values);
            Assert.Equal(column[snippet.Peak], snippet.PeakValue);
        }
        var windows = profile.Highest.OrderBy(s => s.Start).ToList();
        Assert.All(windows.Zip(windows.Skip(1)), pair => Assert.True(pair.First.End <= pair.Second.Start, "windows overlap"));
    }

    [Fact]
    public void The_histogram_counts_every_position_once_in_its_bin()
    {
        var cell = new CellId(0, ActivationKind.Cell, 2);
        float[] column = Lstm.Column(0, ActivationKind.Cell, 2);

        var histogram = CellProfiler.Compute(Lstm, cell, [], Narrow).Histogram;

        Assert.Equal(Lstm.Characters, histogram.Counts.Sum());
        Assert.Equal(7, histogram.Counts.Length);
        Assert.Equal(column.Min(), histogram.Min);
        Assert.Equal(column.Max(), histogram.Max);
        double width = ((double)histogram.Max - histogram.Min) / 7;
        for (int bin = 0; bin < 7; bin++)
        {
            double low = histogram.Min + bin * width, high = histogram.Min + (bin + 1) * width;
            int expected = column.Count(v => v >= low && (v < high || bin == 6));
            Assert.InRange(histogram.Counts[bin], expected - 1, expected + 1); // a value on a bin edge may round either way
        }
        Assert.Equal([3], CellProfiler.Histogram([0.5f, 0.5f, 0.5f], 1).Counts);
        Assert.Equal([3, 0, 0], CellProfiler.Histogram([0.5f, 0.5f, 0.5f], 3).Counts);
    }

    [Theory]
    [InlineData(CellType.Lstm, ActivationKind.Hidden)]
    [InlineData(CellType.Gru, ActivationKind.UpdateGate)]
    public void The_most_correlated_cells_are_ranked_as_by_hand(CellType cellType, ActivationKind kind)
    {
        var recording = cellType == CellType.Lstm ? Lstm : Record(cellType);
        var cell = new CellId(1, kind, 2);
        float[] column = recording.Column(1, kind, 2);
        var byHand = (from layer in new[] { 0, 1 }
                      from unit in Enumerable.Range(0, 4)
                      where (layer, unit) != (1, 2)
                      let r = Pearson(recording.Column(layer, kind, unit), column)
                      orderby Math.Abs(r) descending
                      select (Cell: new CellId(layer, kind, unit), R: r)).Take(4).ToList();

        var correlated = CellProfiler.Compute(recording, cell, [], Narrow).Correlated;

        Assert.Equal(byHand.Select(c => c.Cell), correlated.Select(c => c.Cell));
        foreach (var (mine, hand) in correlated.Zip(byHand))
        {
            Assert.Equal(Math.Abs(hand.R), mine.Score, 1e-5);
            Assert.Equal(Math.Sign(hand.R), mine.Sign);
        }
    }

    [Fact]
    public void Each_feature_track_gets_its_pearson_r_and_a_constant_track_is_marked()
    {
        var cell = new CellId(0, ActivationKind.TanhCell, 0);
        IFeatureTrack quote = new QuoteTrack(), url = new UrlTrack();

        var features = CellProfiler.Compute(Lstm, cell, [quote, url], Narrow).Features;

        Assert.Equal(["quote", "url"], features.Select(f => f.Feature));
        Assert.True(features[0].Varies);
        Assert.Equal(Pearson(quote.Compute(Lstm.Symbols), Lstm.Column(0, ActivationKind.TanhCell, 0)), features[0].R, 1e-5);
        Assert.False(features[1].Varies); // no URL in the text
        Assert.Equal(0, features[1].R);
    }

    [Theory]
    [InlineData(CellType.Lstm, ActivationKind.TanhCell, InterventionTarget.Cell)]
    [InlineData(CellType.Lstm, ActivationKind.OutputGate, InterventionTarget.Cell)]
    [InlineData(CellType.Lstm, ActivationKind.Hidden, InterventionTarget.Hidden)]
    [InlineData(CellType.Gru, ActivationKind.ResetGate, InterventionTarget.Hidden)]
    [InlineData(CellType.Rnn, ActivationKind.Hidden, InterventionTarget.Hidden)]
    public void The_clamp_range_is_the_percentiles_of_the_state_a_clamp_overwrites(CellType cellType, ActivationKind kind, InterventionTarget target)
    {
        var recording = cellType == CellType.Lstm ? Lstm : Record(cellType);
        var state = recording.Column(0, UnitMeans.Kind(target), 3).OrderBy(v => v).ToArray();

        var clamp = CellProfiler.Compute(recording, new CellId(0, kind, 3), [], new CellProfileOptions { LowPercentile = 10, HighPercentile = 90 }).Clamp;

        Assert.Equal(target, clamp.Target);
        Assert.Equal(NaivePercentile(state, 10), clamp.Low, 1e-6);
        Assert.Equal(NaivePercentile(state, 90), clamp.High, 1e-6);
        Assert.True(clamp.Low < clamp.High);
    }

    [Fact]
    public void A_cell_the_recording_lacks_is_refused_with_what_it_holds()
    {
        var error = Assert.Throws<CharRnnException>(() => CellProfiler.Compute(Lstm, new CellId(0, ActivationKind.TanhCell, 4), []));
        Assert.Contains("units 0 to 3", error.Message);
        error = Assert.Throws<CharRnnException>(() => CellProfiler.Compute(Lstm, new CellId(2, ActivationKind.TanhCell, 0), []));
        Assert.Contains("layers 1, 2", error.Message);
        Assert.Throws<ConfigException>(() => CellProfiler.Compute(Lstm, new CellId(0, ActivationKind.TanhCell, 0), [], new() { LowPercentile = 95, HighPercentile = 5 }));
    }

    // Repeatedly the most extreme position not within `separation` of one already taken (the earliest on ties).
    private static List<int> NaivePeaks(float[] values, int k, int separation, int sign)
    {
        var peaks = new List<int>();
        while (peaks.Count < k)
        {
            int best = -1;
            for (int t = 0; t < values.Length; t++)
                if (peaks.All(p => Math.Abs(p - t) > separation) && (best < 0 || sign * values[t] > sign * values[best])) best = t;
            if (best < 0) break;
            peaks.Add(best);
        }
        return peaks;
    }

    private static float NaivePercentile(float[] sorted, double p)
    {
        double rank = p / 100 * (sorted.Length - 1);
        int i = (int)rank;
        return i + 1 < sorted.Length ? (float)(sorted[i] + (rank - i) * (sorted[i + 1] - sorted[i])) : sorted[i];
    }

    private static double Pearson(float[] x, float[] y)
    {
        double mx = x.Average(v => (double)v), my = y.Average(v => (double)v);
        double sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        double sxx = x.Sum(a => (a - mx) * (a - mx)), syy = y.Sum(b => (b - my) * (b - my));
        return sxy / Math.Sqrt(sxx * syy);
    }

    private static ActivationRecording Record(CellType cell) =>
        ActivationRecorder.Record(TestModels.Random(cell, 2, hidden: 4, vocabulary: 5, seed: 7, scale: 1.2f, alphabet: Alphabet),
            AblationRankerTests.QuotedText(240), RecordingOptions.Exact);
}
