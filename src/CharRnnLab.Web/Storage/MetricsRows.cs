using CharRnnLab.Web.Contracts;
using Microsoft.Data.Sqlite;

namespace CharRnnLab.Web.Storage;

/// <summary>The SQL of the metrics table: a run's stored curve (<see cref="StoredCurve"/>) read and written row by row.</summary>
internal static class MetricsRows
{
    private const string Columns = "iteration, total_iterations, epoch, train_loss, smoothed_loss, validation_loss, learning_rate, " +
                                   "gradient_norm, chars_per_second, elapsed, eta, points, best_validation_loss";

    /// <summary>A run's rows, oldest first, read while the caller enumerates.</summary>
    public static IEnumerable<StoredProgress> Read(SqliteConnection connection, SqliteTransaction? transaction, string runId,
        CancellationToken cancellationToken = default)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {Columns} FROM metrics WHERE run_id=$id ORDER BY iteration";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var point = new ProgressEvent(runId, reader.GetInt32(0), reader.GetInt32(1), reader.GetDouble(2),
                reader.GetDouble(3), reader.GetDouble(4), RunStore.NullableDouble(reader, 5), reader.GetDouble(6),
                reader.GetDouble(7), reader.GetDouble(8), reader.GetDouble(9), RunStore.NullableDouble(reader, 10));
            yield return new StoredProgress(point, reader.GetInt32(11), RunStore.NullableDouble(reader, 12));
        }
    }

    /// <summary>Applies one batch's change to a run's rows, inside the caller's transaction.</summary>
    public static void Write(SqliteConnection connection, SqliteTransaction transaction, string runId, CurveWrite write)
    {
        if (write.Rewrite) Delete(connection, transaction, runId, iteration: null);
        else if (write.Replaced is { } replaced) Delete(connection, transaction, runId, replaced);
        if (write.Rows.Count == 0) return;

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"""
            INSERT OR REPLACE INTO metrics (run_id, {Columns})
            VALUES ($run, $iteration, $total, $epoch, $train, $smoothed, $validation, $lr, $grad, $cps, $elapsed, $eta, $points, $best)
            """;
        string[] names = ["$run", "$iteration", "$total", "$epoch", "$train", "$smoothed", "$validation", "$lr", "$grad", "$cps",
            "$elapsed", "$eta", "$points", "$best"];
        var parameters = names.Select(n => command.Parameters.Add(new SqliteParameter { ParameterName = n })).ToArray();
        command.Prepare();
        foreach (var row in write.Rows)
        {
            var p = row.Point;
            object?[] values = [runId, p.Iteration, p.TotalIterations, p.Epoch, RunStore.Finite(p.TrainLoss), RunStore.Finite(p.SmoothedLoss),
                RunStore.Finite(p.ValidationLoss), p.LearningRate, RunStore.Finite(p.GradientNorm), p.CharsPerSecond, p.ElapsedSeconds, p.Eta,
                row.Points, RunStore.Finite(row.BestValidationLoss)];
            for (int i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    private static void Delete(SqliteConnection connection, SqliteTransaction transaction, string runId, int? iteration)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM metrics WHERE run_id=$id" + (iteration is null ? "" : " AND iteration=$iteration");
        command.Parameters.AddWithValue("$id", runId);
        if (iteration is { } i) command.Parameters.AddWithValue("$iteration", i);
        command.ExecuteNonQuery();
    }
}
