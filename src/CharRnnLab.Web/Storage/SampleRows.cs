using CharRnnLab.Core.Numerics;
using CharRnnLab.Web.Contracts;
using Microsoft.Data.Sqlite;

namespace CharRnnLab.Web.Storage;

/// <summary>
/// The SQL of the samples table: a run's training samples, at most <see cref="Thinning.MaxSamples"/>, thinned as its
/// checkpoints thin them (every other one dropped when full, the first and the latest kept), so a run sampling every
/// iteration for millions of them stores and returns a thousand.
/// </summary>
internal static class SampleRows
{
    public static IReadOnlyList<SampleEvent> Read(SqliteConnection connection, string runId)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT iteration, temperature, text, loss FROM samples WHERE run_id=$id ORDER BY iteration, temperature";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        var samples = new List<SampleEvent>();
        while (reader.Read())
            samples.Add(new SampleEvent(runId, reader.GetInt32(0), reader.GetDouble(1), reader.GetString(2), reader.GetDouble(3)));
        return samples;
    }

    /// <summary>Adds a batch of samples (of later iterations than those stored), then drops those the thinning drops.</summary>
    public static void Add(SqliteConnection connection, SqliteTransaction transaction, string runId, IReadOnlyList<SampleEvent> samples)
    {
        if (samples.Count == 0) return;
        var kept = Keys(connection, transaction, runId);
        bool thinned = false;
        foreach (var sample in samples) thinned |= Thinning.Add(kept, (sample.Iteration, sample.Temperature));
        var keep = kept.ToHashSet();
        foreach (var sample in samples.Where(s => keep.Contains((s.Iteration, s.Temperature)))) Insert(connection, transaction, runId, sample);
        if (thinned) DeleteAllBut(connection, transaction, runId, keep);
    }

    private static List<(int Iteration, double Temperature)> Keys(SqliteConnection connection, SqliteTransaction transaction, string runId)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT iteration, temperature FROM samples WHERE run_id=$id ORDER BY iteration, temperature";
        command.Parameters.AddWithValue("$id", runId);
        using var reader = command.ExecuteReader();
        var keys = new List<(int, double)>();
        while (reader.Read()) keys.Add((reader.GetInt32(0), reader.GetDouble(1)));
        return keys;
    }

    private static void Insert(SqliteConnection connection, SqliteTransaction transaction, string runId, SampleEvent sample)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT OR REPLACE INTO samples (run_id, iteration, temperature, text, loss)
            VALUES ($run, $iteration, $temperature, $text, $loss)
            """;
        command.Parameters.AddWithValue("$run", runId);
        command.Parameters.AddWithValue("$iteration", sample.Iteration);
        command.Parameters.AddWithValue("$temperature", sample.Temperature);
        command.Parameters.AddWithValue("$text", sample.Text);
        command.Parameters.AddWithValue("$loss", RunStore.Finite(sample.Loss));
        command.ExecuteNonQuery();
    }

    private static void DeleteAllBut(SqliteConnection connection, SqliteTransaction transaction, string runId,
        HashSet<(int Iteration, double Temperature)> keep)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM samples WHERE run_id=$id AND iteration=$iteration AND temperature=$temperature";
        var id = command.Parameters.AddWithValue("$id", runId);
        var iteration = command.Parameters.Add(new SqliteParameter { ParameterName = "$iteration" });
        var temperature = command.Parameters.Add(new SqliteParameter { ParameterName = "$temperature" });
        foreach (var (i, t) in Keys(connection, transaction, runId).Where(k => !keep.Contains(k)))
        {
            (iteration.Value, temperature.Value) = (i, t);
            command.ExecuteNonQuery();
        }
    }
}
