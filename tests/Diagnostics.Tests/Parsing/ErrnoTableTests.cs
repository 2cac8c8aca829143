using Nginx502Bot.Diagnostics.Parsing;

namespace Nginx502Bot.Diagnostics.Tests.Parsing;

public class ErrnoTableTests
{
    [Theory]
    [InlineData(61, "Connection refused", Errno.ConnectionRefused)]
    [InlineData(61, "Connection r\\ efused", Errno.ConnectionRefused)]
    [InlineData(61, "Connection\\ refused", Errno.ConnectionRefused)]
    [InlineData(54, "Connection reset by p\\ eer", Errno.ConnectionReset)]
    [InlineData(61, "Connection r\\ efuse", Errno.Other)]
    [InlineData(61, "Connection r\\ efused later", Errno.Other)]
    [InlineData(61, "No data available", Errno.Other)]
    public void TextWithPagerWrapMarks_ReadWithoutTheMarksOnly(int number, string text, Errno expected)
    {
        Assert.Equal(expected, ErrnoTable.Lookup(number, text));
    }
}
