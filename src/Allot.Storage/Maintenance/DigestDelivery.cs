using System.Globalization;
using System.Text;
using Allot.Core.Alerts;
using Allot.Core.Maintenance;

namespace Allot.Storage.Maintenance;

/// <summary>Writes the daily digest to a file and POSTs it as JSON to the rules' webhook.</summary>
public static class DigestDelivery
{
    /// <summary>The digest folder: the rules' <c>alerts.digest_dir</c> (relative to the rules file), else "digests" beside
    /// the store (beside the rules file for a PostgreSQL store, which is no file).</summary>
    public static string Folder(MaintenanceRules rules, string rulesPath, string storePath)
    {
        string rulesFolder = Path.GetDirectoryName(Path.GetFullPath(rulesPath)) ?? ".";
        if (rules.Alerts.DigestDirectory is { } dir) return Path.IsPathRooted(dir) ? dir : Path.Combine(rulesFolder, dir);
        if (StoreFactory.IsServer(storePath)) return Path.Combine(rulesFolder, "digests");
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storePath)) ?? ".", "digests");
    }

    /// <summary>Writes <c>digest-yyyy-MM-dd.json</c> (replacing the day's earlier one whole) and returns its path.</summary>
    public static string Write(Digest digest, string folder, string json)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, $"digest-{digest.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.json");
        string partial = path + ".partial";
        File.WriteAllText(partial, json, new UTF8Encoding(false));
        File.Move(partial, path, overwrite: true);
        return path;
    }

    /// <summary>POSTs the JSON; returns null when the server took it (2xx), else what went wrong.</summary>
    public static string? Post(Uri url, string json, TimeSpan timeout)
    {
        try
        {
            using var client = new HttpClient { Timeout = timeout };
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.UserAgent.ParseAdd("allot-digest/1");
            using var response = client.Send(request);
            return response.IsSuccessStatusCode ? null : $"{url} answered {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            return $"{url}: {e.Message}";
        }
        catch (TaskCanceledException)
        {
            return $"{url} did not answer within {timeout.TotalSeconds:0} s";
        }
    }
}
