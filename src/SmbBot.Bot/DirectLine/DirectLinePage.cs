using System.Buffers;
using System.Text;
using SmbBot.Core.DirectLine;

namespace SmbBot.Bot.DirectLine;

/// <summary>
/// One page of activities, <c>{"activities":[…],"watermark":"N"}</c>, bounded by
/// <see cref="DirectLineOptions.MaxPageKilobytes"/> and written piece by piece from the stored JSON (never parsed again,
/// never joined into one string), so a poll or a WebSocket frame holds at most one activity's bytes at a time.
/// </summary>
public sealed class DirectLinePage(IReadOnlyList<DirectLineActivity> activities, int watermark)
{
    /// <summary>Reads the page after <paramref name="watermark"/>.</summary>
    public static DirectLinePage Read(IDirectLineStore store, DirectLineOptions options, string conversationId, int watermark) =>
        new(store.After(conversationId, watermark, options.MaxPageKilobytes * 1024L), watermark);

    public IReadOnlyList<DirectLineActivity> Activities => activities;

    /// <summary>The watermark after this page: the last activity's, or the one asked with when it is empty.</summary>
    public int Watermark => activities.Count > 0 ? activities[^1].Seq : watermark;

    /// <summary>
    /// Writes the page as UTF-8 through <paramref name="write"/>, whose second argument is true for the last piece
    /// (a WebSocket message's end).
    /// </summary>
    public async Task WriteAsync(Func<ReadOnlyMemory<byte>, bool, CancellationToken, ValueTask> write, CancellationToken cancellationToken)
    {
        await WritePieceAsync("{\"activities\":[", false);
        for (int i = 0; i < activities.Count; i++)
        {
            if (i > 0) await WritePieceAsync(",", false);
            await WritePieceAsync(activities[i].Json, false);
        }
        await WritePieceAsync($"],\"watermark\":\"{Watermark}\"}}", true);

        async ValueTask WritePieceAsync(string text, bool last)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(text));
            try
            {
                var length = Encoding.UTF8.GetBytes(text, buffer);
                await write(buffer.AsMemory(0, length), last, cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
