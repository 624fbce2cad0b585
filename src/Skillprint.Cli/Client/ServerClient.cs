using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Skillprint.Core.Audit;
using Skillprint.Core.Evidence;

namespace Skillprint.Cli.Client;

/// <summary>Who a token belongs to, as <c>GET /api/v1/session</c> answers.</summary>
internal sealed record ServerIdentity(string Email, string Role);

/// <summary>
/// The CLI as a client of a Skillprint server: the token in <c>Authorization: Bearer</c>, bodies
/// gzipped (a push of a large repository stays far under the wire limit; the server takes up to
/// its push limit once decompressed), and every failure one line naming the server and what to do.
/// The token is never part of a message.
/// </summary>
internal sealed class ServerClient : IDisposable
{
    public const string SessionPath = "api/v1/session";
    public const string PushPath = "api/v1/me/evidence/pushes";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private readonly HttpClient http;

    public ServerClient(ServerLogin login, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(login);
        Url = login.Url;
        http = new HttpClient { BaseAddress = new Uri(login.Url.TrimEnd('/') + "/"), Timeout = timeout ?? TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Token);
        http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("skillprint", typeof(ServerClient).Assembly.GetName().Version?.ToString() ?? "0"));
    }

    public string Url { get; }

    /// <summary>A server URL as typed: absolute http or https, without query or fragment, ending in '/'.</summary>
    public static string NormalizeUrl(string text)
    {
        if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new UsageException($"'{text}' is not an http:// or https:// URL", "for example skillprint login https://skillprint.example.org --token-stdin");
        }

        if (uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            throw new UsageException($"'{text}': give the server's address alone (no user, query or fragment)");
        }

        return uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
    }

    /// <summary>Who the token belongs to; a token the server refuses is an error.</summary>
    public async Task<ServerIdentity> WhoAmIAsync(CancellationToken cancel)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, SessionPath), "checking the login", cancel);
        return await ReadAsync<ServerIdentity>(response, "checking the login", cancel);
    }

    /// <summary>Sends what a scan found in one repository; the server replaces what the last push
    /// of that repository brought, in one transaction.</summary>
    public async Task<PushResult> PushAsync(EvidencePush push, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(push);
        var what = $"pushing {push.RepositoryName}";
        using var body = new MemoryStream();
        await using (var gzip = new GZipStream(body, CompressionLevel.Fastest, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(gzip, push, Json, cancel);
        }

        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.ContentEncoding.Add("gzip");
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, PushPath) { Content = content }, what, cancel);
        return await ReadAsync<PushResult>(response, what, cancel);
    }

    /// <summary>A page of the audit log: the caller's own (<c>/api/v1/me/audit</c>), or with
    /// <paramref name="person"/> that person's (<c>/api/v1/audit</c>, admin).</summary>
    public async Task<AuditLog> AuditAsync(string? person, int limit, long? before, CancellationToken cancel)
    {
        var query = string.Create(CultureInfo.InvariantCulture, $"limit={limit}{(before is { } b ? $"&before={b}" : "")}");
        var path = person is null ? $"api/v1/me/audit?{query}" : $"api/v1/audit?person={Uri.EscapeDataString(person)}&{query}";
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, path), "reading the audit log", cancel);
        return await ReadAsync<AuditLog>(response, "reading the audit log", cancel);
    }

    public void Dispose() => http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string what, CancellationToken cancel)
    {
        HttpResponseMessage response;
        using (request)
        {
            try
            {
                response = await http.SendAsync(request, cancel);
            }
            catch (HttpRequestException error)
            {
                throw new CommandFailedException($"{what}: cannot reach {Url} ({error.Message})");
            }
            catch (TaskCanceledException) when (!cancel.IsCancellationRequested)
            {
                throw new CommandFailedException($"{what}: {Url} did not answer within {http.Timeout.TotalSeconds:0} s");
            }
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var detail = await DetailAsync(response, cancel);
            var code = (int)response.StatusCode;
            var advice = response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => $"the server does not accept the token; log in again: skillprint login {Url} --token-stdin",
                HttpStatusCode.Forbidden => "the token may not do this (a push needs a token with --scope write)",
                HttpStatusCode.RequestEntityTooLarge => "the request is larger than the server accepts (its Skillprint:MaxPushBodyBytes)",
                HttpStatusCode.NotFound => $"{Url} has no Skillprint API at {request.RequestUri}",
                _ when code >= 500 => "the server failed; nothing was changed by this request",
                _ => "the server refused the request",
            };
            throw new CommandFailedException($"{what}: {Url} answered {code} {response.ReasonPhrase}: {advice}{(detail is null ? "" : $" ({detail})")}");
        }
    }

    private async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, CancellationToken cancel)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, cancel)
                ?? throw new CommandFailedException($"{what}: {Url} answered an empty body; is it a Skillprint server?");
        }
        catch (JsonException)
        {
            throw new CommandFailedException($"{what}: {Url} did not answer Skillprint's JSON; is it a Skillprint server?");
        }
        catch (NotSupportedException)
        {
            throw new CommandFailedException($"{what}: {Url} answered {response.Content.Headers.ContentType}, not JSON; is it a Skillprint server?");
        }
    }

    /// <summary>The <c>detail</c> (else <c>title</c>) of a problem-details answer, on one line.</summary>
    private static async Task<string?> DetailAsync(HttpResponseMessage response, CancellationToken cancel)
    {
        try
        {
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancel));
            foreach (var name in (string[])["detail", "title"])
            {
                if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return CliApp.OneLine(value.GetString()!);
                }
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
