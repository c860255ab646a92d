package org.perfgraph.ingest.extract;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * A number cell as its user sees it: {@link DataFormatter} applies the cell's format (120000, 120,000.00, 90%), except
 * that dates come out as ISO (yyyy-MM-dd; yyyy-MM where the format shows no day) so that layouts need not know
 * the author's locale. Chinese Excel's built-in date formats (ids 27-36 and 50-58) are not in POI's table of built-in
 * formats; they are mapped here, or their dates would come out as serial numbers.
 */
final class CellFormat extends DataFormatter {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final boolean date1904;

    CellFormat(boolean date1904) {
        super(Locale.ROOT);
        this.date1904 = date1904;
    }

    @Override
    public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
        String format = cjkBuiltin(formatIndex, formatString);
        if (format != null && DateUtil.isValidExcelDate(value) && DateUtil.isADateFormat(formatIndex, format)) {
            String shown = shownParts(format);
            boolean day = shown.indexOf('d') >= 0;
            boolean year = shown.indexOf('y') >= 0 || shown.indexOf('e') >= 0;
            if (day || year) {
                LocalDateTime t = DateUtil.getLocalDateTime(value, use1904 || date1904, true);
                if (!day) {
                    return t.format(MONTH);
                }
                boolean time = shown.indexOf('h') >= 0 && t.toLocalTime().toSecondOfDay() != 0;
                return t.format(time ? MINUTE : DAY);
            }
        }
        return super.formatRawCellContents(value, formatIndex, format, use1904);
    }

    /** The format's letters outside quoted literals and [brackets], lower case. */
    private static String shownParts(String format) {
        StringBuilder s = new StringBuilder();
        boolean quoted = false;
        int bracket = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '[') {
                bracket++;
            } else if (!quoted && c == ']') {
                bracket = Math.max(0, bracket - 1);
            } else if (!quoted && bracket == 0 && c == '\\') {
                i++;
            } else if (!quoted && bracket == 0) {
                s.append(Character.toLowerCase(c));
            }
        }
        return s.toString();
    }

    /** zh-CN Excel's built-in number formats that POI reports as "reserved-0x1B" and the like. */
    private static String cjkBuiltin(int index, String format) {
        if (format != null && !format.startsWith("reserved")) {
            return format;
        }
        return switch (index) {
            case 27, 36, 50, 52, 57 -> "yyyy\"年\"m\"月\"";
            case 28, 29, 51, 53, 54, 58 -> "m\"月\"d\"日\"";
            case 30 -> "m-d-yy";
            case 31 -> "yyyy\"年\"m\"月\"d\"日\"";
            case 32 -> "h\"时\"mm\"分\"";
            case 33 -> "h\"时\"mm\"分\"ss\"秒\"";
            case 34, 55 -> "上午/下午h\"时\"mm\"分\"";
            case 35, 56 -> "上午/下午h\"时\"mm\"分\"ss\"秒\"";
            default -> format == null ? "General" : format;
        };
    }
}
