package io.casekit.bench;

/** The request bodies the benchmarks send. */
final class Requests {
    /** The seed's example request, verbatim. */
    static final String SEED = "{ \"caseInfo\":{ \"id\":\"c6m800000142mS63Voa8\", \"title\":\"testOpenApi11\", "
            + "\"description\":\"test111\", \"dueDate\":\"2023-06-20 00:00:00\", \"ownerId\":\"10gg0000012IpiXMqxzk\", "
            + "\"contactId\":\"ciIy0000013w9aru7cDQ\", \"creatorId\": \"10gg0000013wljxK5XX6\", "
            + "\"contactPhone\": \"15151515152\" } }";

    private Requests() {}

    /** The seed request in one of the benchmark's variants. */
    static String modify(String variant) {
        return switch (variant) {
            case "seed" -> SEED;
            case "template10" -> {
                StringBuilder extra = new StringBuilder();
                for (int i = 0; i < 10; i++) {
                    extra.append(", \"AICC__f").append(i).append("__CST\":\"value ").append(i).append('"');
                }
                yield SEED.replace("\"15151515152\"", "\"15151515152\"" + extra);
            }
            case "description20k" -> SEED.replace("\"test111\"", "\"" + "x".repeat(20_000) + "\"");
            default -> throw new IllegalArgumentException("no request variant " + variant);
        };
    }
}
