using LiteDB;
using Microsoft.AspNetCore.SignalR;
using SmbBot.Core.Storage;
using SmbBot.Core.Tickets;
using SmbBot.Host.StaffConsole;
using SmbBot.IntegrationTests.Infrastructure;

namespace SmbBot.IntegrationTests.Storage;

/// <summary>The console's live updates follow ticket changes made here and, through the change feed, on other hosts.</summary>
public sealed class QueueNotifierTests : IDisposable
{
    private readonly string _folder = RepoPaths.NewTempFolder();
    private readonly LiteDatabase _db;
    private readonly LiteDbTicketStore _tickets;
    private readonly Feed _feed = new();
    private readonly Hub _hub = new();
    private readonly QueueNotifier _notifier;

    private sealed class Feed : IChangeFeed
    {
        public List<(string Kind, string Key)> Published { get; } = [];
        public event Action<Change>? Received;
        public void Publish(string kind, string key) => Published.Add((kind, key));
        public void Receive(Change change) => Received?.Invoke(change);
    }

    private sealed class Hub : IHubContext<QueueHub>, IHubClients, IClientProxy
    {
        public List<(string Method, object?[] Args)> Sent { get; } = [];
        IHubClients IHubContext<QueueHub>.Clients => this;
        IGroupManager IHubContext<QueueHub>.Groups => throw new NotSupportedException();
        public IClientProxy All => this;
        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
        {
            lock (Sent) Sent.Add((method, args));
            return Task.CompletedTask;
        }
        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => this;
        public IClientProxy Client(string connectionId) => this;
        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => this;
        public IClientProxy Group(string groupName) => this;
        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => this;
        public IClientProxy Groups(IReadOnlyList<string> groupNames) => this;
        public IClientProxy User(string userId) => this;
        public IClientProxy Users(IReadOnlyList<string> userIds) => this;
    }

    public QueueNotifierTests()
    {
        _db = new LiteDatabase(Path.Combine(_folder, "t.db")) { UtcDate = true };
        _tickets = new LiteDbTicketStore(_db);
        _notifier = new QueueNotifier(_tickets, _feed, _hub);
        _notifier.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public void A_change_here_updates_the_pages_here_and_is_told_to_the_other_hosts()
    {
        var ticket = _tickets.Create(new Ticket { ConversationId = "c1" });

        var (method, args) = Assert.Single(_hub.Sent);
        Assert.Equal("ticketChanged", method);
        Assert.Equal(ticket.Number, Assert.Single(args));
        Assert.Equal((QueueNotifier.TicketKind, ticket.Id.ToString()), Assert.Single(_feed.Published));
    }

    [Fact]
    public void A_change_on_another_host_updates_the_pages_here_without_echoing_it_back()
    {
        _feed.Receive(new Change(QueueNotifier.TicketKind, "17"));
        _feed.Receive(Change.Resync);
        _feed.Receive(new Change(QueueNotifier.TicketKind, "not a number"));
        _feed.Receive(new Change("chat", "c9"));

        Assert.Equal([Ticket.NumberFor(17), null], _hub.Sent.Select(s => (string?)Assert.Single(s.Args)));
        Assert.Empty(_feed.Published);
    }

    [Fact]
    public async Task After_stopping_nothing_is_pushed()
    {
        await _notifier.StopAsync(CancellationToken.None);
        _tickets.Create(new Ticket { ConversationId = "c2" });
        _feed.Receive(new Change(QueueNotifier.TicketKind, "3"));

        Assert.Empty(_hub.Sent);
    }

    public void Dispose()
    {
        _db.Dispose();
        RepoPaths.DeleteFolder(_folder);
    }
}
