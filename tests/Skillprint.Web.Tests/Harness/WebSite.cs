using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Skillprint.Core.Accounts;
using Skillprint.Server.Tests.Harness;

namespace Skillprint.Web.Tests.Harness;

/// <summary>
/// The real server on real Kestrel, on a free loopback port, over a SQLite store of its own, and
/// Debian's Chromium driven by Playwright. Without Chromium the tests fail and say how to install
/// it: they never pass by skipping.
/// </summary>
public sealed class WebSite : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly TempFolder folder = new();
    private IPlaywright? playwright;

    public ServerFactory Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The server's address, as <c>http://127.0.0.1:PORT</c>.</summary>
    public Uri Address { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"{Chromium} is missing: the browser tests need Debian's Chromium. Run ./test.sh (it installs it as root) or: apt-get install -y --no-install-recommends chromium");
        }

        // Every test signs in through the form from 127.0.0.1; on a quiet machine they do so faster than
        // the default 10 sign-ins a minute allow. The limit itself is tested in the server tests.
        Server = new ServerFactory(folder.SqliteStore(), new Dictionary<string, string?> { ["Skillprint:SignInPermitsPerMinute"] = "1000" });
        Server.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Server.StartServer();
        var addresses = Server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.First());

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A user of their own for one test (tests share the server, never a person).</summary>
    public async Task<string> NewUserAsync(string name, AccountRole role = AccountRole.Member)
    {
        var email = $"{name}-{Guid.NewGuid():N}"[..(name.Length + 9)] + "@example.org";
        await Server.AddUserAsync(email, role);
        return email;
    }

    /// <summary>A page in a fresh browser context (its own cookies), at <paramref name="width"/> px;
    /// <paramref name="bypassCsp"/> lets a test inject a script of its own (axe-core).</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            BypassCSP = bypassCsp,
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>A page signed in as <paramref name="email"/> through the sign-in form.</summary>
    public async Task<IPage> SignedInAsync(string email, int width = 1280, bool bypassCsp = false)
    {
        var page = await NewPageAsync(width, bypassCsp);
        await page.GotoAsync("/signin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", ServerFactory.Password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(Address + "");
        return page;
    }

    /// <summary>Every page a signed-in person can open (one of each kind).</summary>
    public static IReadOnlyList<string> Pages(Core.Frameworks.Framework framework) =>
    [
        "/", "/topics/" + framework.Topics[0].Id, "/gaps", "/roadmaps", "/roadmaps/" + framework.Roadmaps[0].Id,
        "/practice", "/history", "/framework", "/teams", "/settings", "/password",
    ];

    /// <summary>The pages only an admin can open.</summary>
    public static IReadOnlyList<string> AdminPages { get; } = ["/admin/people", "/admin/teams"];

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class WebSiteCollection : ICollectionFixture<WebSite>
{
    public const string Name = "web site";
}
