package io.vectorless.ingest.parse;

/** Roman numerals as printed on front-matter pages and part numbers. */
final class Roman {
    private Roman() {
    }

    /** The value of a roman numeral (either case), or -1 when it is not one. */
    static int value(String numeral) {
        int total = 0;
        int previous = 0;
        for (int i = numeral.length() - 1; i >= 0; i--) {
            int digit = switch (Character.toLowerCase(numeral.charAt(i))) {
                case 'i' -> 1;
                case 'v' -> 5;
                case 'x' -> 10;
                case 'l' -> 50;
                case 'c' -> 100;
                case 'd' -> 500;
                case 'm' -> 1000;
                default -> -1;
            };
            if (digit < 0) {
                return -1;
            }
            total += digit < previous ? -digit : digit;
            previous = Math.max(previous, digit);
        }
        return total;
    }
}
