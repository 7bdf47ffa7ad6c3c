namespace CharRnnLab.Core.Corpora.Building;

/// <summary>Starts the download of an archive to build from; network and HTTP failures become clear errors.</summary>
internal static class ArchiveDownload
{
    public static async Task<HttpResponseMessage> GetAsync(HttpClient http, Uri url, CancellationToken cancellation)
    {
        if (url.Scheme is not ("http" or "https"))
            throw new CorpusException($"{url} is not an http or https URL. Give an http(s) URL, a folder or an archive file.");
        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellation);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            throw new CorpusException($"Could not reach {url.Host}: {(ex is TaskCanceledException ? "no answer in time" : ex.Message)}. Check the URL and your network connection.", ex);
        }
        if (response.IsSuccessStatusCode) return response;
        response.Dispose();
        throw new CorpusException($"{url.Host} answered {(int)response.StatusCode} {response.ReasonPhrase} for {url}. Check the URL, or try again later.");
    }
}
