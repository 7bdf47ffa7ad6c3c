namespace CharRnnLab.Cli.Commands.Corpora;

/// <summary>The HTTP client the corpora verbs download with.</summary>
internal static class CorpusHttp
{
    public static HttpClient Create()
    {
        var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(20) })
        {
            Timeout = TimeSpan.FromSeconds(60), // until the headers; the body has the downloader's stall timeout
        };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("CharRnnLab/1.0");
        return http;
    }
}
