using System.Text.Json;
using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;
using Microsoft.Data.Sqlite;

namespace CharRnnLab.Web.Storage;

/// <summary>
/// Schema 0 → 1: the first lab stored a run's settings as a <see cref="StartRunRequest"/> serialised with
/// the default (PascalCase) options. Its property names are still the request's, so the request's one
/// mapping (<see cref="RunRequests"/>) turns each row into a corpus id and a <see cref="RunConfig"/>;
/// what it lacked (optimizer, decay, validation fraction…) was Core's default then and is now.
/// </summary>
internal static class LegacySettings
{
    public static void Migrate(SqliteConnection connection, SqliteTransaction transaction)
    {
        RunStoreSchema.Execute(connection, transaction, """
            ALTER TABLE runs ADD COLUMN corpus_id TEXT NOT NULL DEFAULT '';
            ALTER TABLE runs ADD COLUMN config TEXT NOT NULL DEFAULT '';
            """);
        foreach (var (id, settings) in Rows(connection, transaction)) Rewrite(connection, transaction, id, settings);
        RunStoreSchema.Execute(connection, transaction, "ALTER TABLE runs DROP COLUMN settings;");
    }

    /// <summary>The corpus id and configuration a schema-0 settings column describes.</summary>
    public static (string CorpusId, RunConfig Config) Read(string settings)
    {
        var request = JsonSerializer.Deserialize<StartRunRequest>(settings) ?? new StartRunRequest();
        return (request.CorpusId ?? "", RunRequests.Read(request).Config);
    }

    private static List<(string Id, string Settings)> Rows(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT id, settings FROM runs";
        using var reader = command.ExecuteReader();
        var rows = new List<(string, string)>();
        while (reader.Read()) rows.Add((reader.GetString(0), reader.GetString(1)));
        return rows;
    }

    private static void Rewrite(SqliteConnection connection, SqliteTransaction transaction, string id, string settings)
    {
        var (corpusId, config) = Read(settings);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE runs SET corpus_id = $corpus, config = $config WHERE id = $id";
        command.Parameters.AddWithValue("$corpus", corpusId);
        command.Parameters.AddWithValue("$config", RunConfigJson.Write(config));
        command.Parameters.AddWithValue("$id", id);
        command.ExecuteNonQuery();
    }
}
