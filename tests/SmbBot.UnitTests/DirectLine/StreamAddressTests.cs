using Microsoft.AspNetCore.Http;
using SmbBot.Bot.DirectLine;

namespace SmbBot.UnitTests.DirectLine;

public class StreamAddressTests
{
    private static string? Root(string? publicUrl, string scheme, string host, bool filtered = false, string pathBase = "", params string[] listening) =>
        StreamAddress.Root(publicUrl, scheme, new HostString(host), new PathString(pathBase), filtered, listening);

    [Theory]
    [InlineData("https://bot.example.com", "wss://bot.example.com")]
    [InlineData("https://bot.example.com/chat/", "wss://bot.example.com/chat")]
    [InlineData("http://10.0.0.5:3978", "ws://10.0.0.5:3978")]
    public void A_configured_public_address_wins_over_any_host_header(string publicUrl, string expected) =>
        Assert.Equal(expected, Root(publicUrl, "http", "evil.example.net", listening: "http://127.0.0.1:3978"));

    [Theory]
    [InlineData("http", "127.0.0.1:3978", "", "ws://127.0.0.1:3978", "http://127.0.0.1:3978")]
    [InlineData("https", "localhost:3978", "/bot", "wss://localhost:3978/bot", "https://localhost:3978")]
    [InlineData("http", "192.168.1.20:3978", "", "ws://192.168.1.20:3978", "http://0.0.0.0:3978")]
    [InlineData("http", "[::1]:3978", "", "ws://[::1]:3978", "http://[::]:3978")]
    [InlineData("http", "shop.example.com:3978", "", "ws://shop.example.com:3978", "http://shop.example.com:3978")]
    public void The_requests_own_address_is_used_when_the_server_listens_on_it(string scheme, string host, string pathBase, string expected, string listening) =>
        Assert.Equal(expected, Root(null, scheme, host, false, pathBase, listening));

    [Theory]
    [InlineData("evil.example.net:3978", "http://127.0.0.1:3978")]
    [InlineData("127.0.0.1:9999", "http://127.0.0.1:3978")]
    [InlineData("evil.example.net:3978", "http://0.0.0.0:3978")]
    [InlineData("evil.example.net", "http://localhost:3978")]
    [InlineData("", "http://localhost:3978")]
    public void A_host_the_server_does_not_listen_on_is_not_trusted(string host, string listening) =>
        Assert.Null(Root(null, "http", host, false, "", listening));

    [Fact]
    public void Host_filtering_vouches_for_the_host_and_an_unknown_server_trusts_only_loopback()
    {
        Assert.Equal("wss://shop.example.com", Root(null, "https", "shop.example.com", filtered: true, listening: "http://127.0.0.1:3978"));
        Assert.Equal("ws://localhost", Root(null, "http", "localhost"));
        Assert.Null(Root(null, "http", "shop.example.com"));
    }
}
