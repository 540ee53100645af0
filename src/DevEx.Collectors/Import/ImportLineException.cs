namespace DevEx.Collectors.Import;

/// <summary>A line of an import file that cannot be taken; the message is the reason a person reads.</summary>
public sealed class ImportLineException(string reason) : Exception(reason);
