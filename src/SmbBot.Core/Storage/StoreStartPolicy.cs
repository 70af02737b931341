namespace SmbBot.Core.Storage;

/// <summary>What to do with the data file at start.</summary>
public enum StoreStart
{
    /// <summary>Open the existing store.</summary>
    Open,

    /// <summary>No store was ever created here: start a new, empty one.</summary>
    CreateNew,

    /// <summary>Stop: the store is damaged, or it existed and is gone.</summary>
    Refuse,
}

/// <summary>The start decision for a data file, and the reason given when the start is refused.</summary>
public static class StoreStartPolicy
{
    /// <summary>
    /// Decides from what the file holds and whether a store was created in the folder before
    /// (<paramref name="createdBefore"/>: the marker written next to it on first start). A missing or 0-byte file
    /// where a store existed is lost data, not a first start.
    /// </summary>
    public static (StoreStart Start, string? Reason) Decide(DataFileState file, bool createdBefore) => file.Condition switch
    {
        DataFileCondition.Sound => (StoreStart.Open, null),
        DataFileCondition.Missing when !createdBefore => (StoreStart.CreateNew, null),
        DataFileCondition.Empty when !createdBefore => (StoreStart.CreateNew, null),
        DataFileCondition.Missing => (StoreStart.Refuse, "is missing, but a store was created in this folder before"),
        DataFileCondition.Empty => (StoreStart.Refuse, "is empty (0 bytes), but a store was created in this folder before"),
        DataFileCondition.NotADataFile => (StoreStart.Refuse, "is damaged: its first page is not a LiteDB header"),
        DataFileCondition.CutShort => (StoreStart.Refuse, $"is cut short: {file.Length:N0} bytes where its header counts {file.ExpectedLength:N0}"),
        DataFileCondition.DamagedPage => (StoreStart.Refuse, $"is damaged: page {file.Page:N0} of {file.ExpectedLength / DataFileCheck.PageSize:N0} is overwritten"),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file.Condition, null),
    };
}
