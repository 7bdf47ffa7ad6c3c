using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Hosting;
using CharRnnLab.Web.Runs;
using CharRnnLab.Web.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace CharRnnLab.Web.Tests.Storage;

/// <summary>A run's stored loss curve stays bounded however long it trains, and counts, averages and keeps its best validation.</summary>
public sealed class StoredCurveTests(ITestOutputHelper output) : IDisposable
{
    private const string RunId = "20250101-000000-abcd";
    private const int EvalEvery = 1000;
    private const int BestAt = 4_321_000;
    private const double Best = 0.5;
    private readonly string _data = LabHost.NewTemporaryDirectory();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    /// <summary>Training losses 1 and 3 in turn (so every even bucket averages 2); a validation every 1,000 iterations,
    /// falling from 3 to 2, but for one dip to <see cref="Best"/> at <see cref="BestAt"/>.</summary>
    private static ProgressEvent Point(int iteration, int total) =>
        new(RunId, iteration, total, iteration / 1000.0, iteration % 2 == 0 ? 1.0 : 3.0, 2.0, Validation(iteration), 2e-3, 1.0, 5000,
            iteration / 100.0, null);

    private static double? Validation(int iteration) =>
        iteration % EvalEvery != 0 ? null : iteration == BestAt ? Best : 3.0 - iteration / 10_000_000.0;

    private static RunSummary Run(RunState state, int iteration, int total)
    {
        var now = DateTimeOffset.UtcNow;
        return new RunSummary(RunId, "long", "tiny", state, null, iteration, total, 2.0, null, null, now, now, "upload-tiny", RunConfig.Default);
    }

    /// <summary>Writes iterations from..to as the pump does: in batches, the run training.</summary>
    private static void Train(RunStore store, int from, int to, int total, int batch = 10_000)
    {
        for (int start = from; start <= to; start += batch)
        {
            int end = Math.Min(to, start + batch - 1);
            var points = new ProgressEvent[end - start + 1];
            for (int i = start; i <= end; i++) points[i - start] = Point(i, total);
            store.Append(Run(RunState.Running, end, total), points, []);
        }
    }

    private RunStore NewStore() => new(Options.Create(new LabOptions { DataDirectory = _data }));

    [Fact]
    public async Task Ten_million_iterations_are_stored_in_at_most_ten_thousand_rows_and_read_back_as_a_bounded_correct_curve()
    {
        const int total = RunSettings.MaxIterations;
        await using var lab = await LabHost.StartAsync(_data);
        var store = lab.Service<RunStore>();
        store.Insert(Run(RunState.Running, 0, total));

        Train(store, 1, total, total);
        store.Update(Run(RunState.Completed, total, total));

        var (rows, points, bytes) = Stored();
        output.WriteLine($"{total:N0} iterations: {rows:N0} rows, {bytes:N0} bytes of live database pages");
        Assert.InRange(rows, StoredCurve.MaxRows / 2, StoredCurve.MaxRows);
        Assert.Equal(total, points); // every iteration counted once, in some bucket
        Assert.InRange(bytes, 0, 4 << 20);

        var history = await lab.Service<IRunHistorySource>().GetHistoryAsync(RunId);
        int maxChartPoints = lab.Service<IOptions<LabOptions>>().Value.MaxChartPoints;
        Assert.InRange(history.Progress.Count, maxChartPoints / 2, maxChartPoints);
        Assert.Equal(total, history.Progress[^1].Iteration);
        Assert.True(history.Progress.Zip(history.Progress.Skip(1)).All(p => p.First.Iteration < p.Second.Iteration), "iterations increase");
        Assert.All(history.Progress, p => Assert.Equal(2.0, p.TrainLoss, 9));
        // Each chart bucket spans thousands of iterations, so it holds validations and shows its latest one.
        Assert.All(history.Progress, p => Assert.Equal(Validation(p.Iteration / EvalEvery * EvalEvery), p.ValidationLoss));
        Assert.Equal(Best, history.BestValidationLoss);
    }

    [Fact]
    public void A_restarted_lab_goes_on_compacting_exactly_as_one_that_never_stopped()
    {
        const int total = 30_001;
        var restarted = NewStore();
        restarted.Insert(Run(RunState.Running, 0, total));
        Train(restarted, 1, 15_001, total, batch: 777);
        restarted = NewStore(); // a new process: the curve is read back from its rows
        Train(restarted, 15_002, total, total, batch: 777);
        var afterRestart = restarted.StreamProgress(RunId).ToList();

        restarted.Delete(RunId);
        var straight = NewStore();
        straight.Insert(Run(RunState.Running, 0, total));
        Train(straight, 1, total, total, batch: 5000);

        Assert.Equal(straight.StreamProgress(RunId).ToList(), afterRestart);
        Assert.Equal(total, afterRestart.Sum(r => r.Points));
        Assert.InRange(afterRestart.Count, StoredCurve.MaxRows / 2, StoredCurve.MaxRows);
    }

    [Fact]
    public void A_short_run_keeps_every_point_as_it_came()
    {
        var store = NewStore();
        store.Insert(Run(RunState.Running, 0, 3000));
        Train(store, 1, 3000, 3000, batch: 250);

        var rows = store.StreamProgress(RunId).ToList();
        Assert.Equal(Enumerable.Range(1, 3000).Select(i => Point(i, 3000)), rows.Select(r => r.Point));
        Assert.All(rows, r => Assert.Equal((1, r.Point.ValidationLoss), (r.Points, r.BestValidationLoss)));
    }

    [Fact]
    public void A_curve_an_earlier_lab_stored_a_row_per_iteration_is_compacted_when_the_lab_opens()
    {
        const int total = 25_000;
        NewStore().Insert(Run(RunState.Completed, total, total));
        WriteRowPerIteration(total);

        var rows = NewStore().StreamProgress(RunId).ToList();

        Assert.InRange(rows.Count, StoredCurve.MaxRows / 2, StoredCurve.MaxRows);
        Assert.Equal(total, rows.Sum(r => r.Points));
        Assert.Equal(total, rows[^1].Point.Iteration);
        Assert.All(rows.SkipLast(1), r => Assert.Equal(2.0, r.Point.TrainLoss, 9));
        Assert.Equal(Validation(total), rows.Min(r => r.BestValidationLoss));
    }

    /// <summary>A row per iteration, as the version-1 lab wrote them (and its migration left them: one point each).</summary>
    private void WriteRowPerIteration(int total)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "lab.db")};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO metrics (run_id, iteration, total_iterations, epoch, train_loss, smoothed_loss, validation_loss, learning_rate,
                gradient_norm, chars_per_second, elapsed, eta, best_validation_loss)
            VALUES ($id, $iteration, $total, 0, $train, 2, $validation, 0.002, 1, 5000, 0, NULL, $validation)
            """;
        command.Parameters.AddWithValue("$id", RunId);
        command.Parameters.AddWithValue("$total", total);
        var iteration = command.Parameters.Add(new SqliteParameter { ParameterName = "$iteration" });
        var train = command.Parameters.Add(new SqliteParameter { ParameterName = "$train" });
        var validation = command.Parameters.Add(new SqliteParameter { ParameterName = "$validation" });
        for (int i = 1; i <= total; i++)
        {
            (iteration.Value, train.Value, validation.Value) = (i, Point(i, total).TrainLoss, (object?)Validation(i) ?? DBNull.Value);
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>The run's rows, the points they stand for, and the bytes the database's live pages take.</summary>
    private (long Rows, long Points, long Bytes) Stored()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "lab.db")};Pooling=False");
        connection.Open();
        long Scalar(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$id", RunId);
            return Convert.ToInt64(command.ExecuteScalar());
        }
        return (Scalar("SELECT COUNT(*) FROM metrics WHERE run_id=$id"), Scalar("SELECT SUM(points) FROM metrics WHERE run_id=$id"),
            (Scalar("PRAGMA page_count") - Scalar("PRAGMA freelist_count")) * Scalar("PRAGMA page_size"));
    }
}
