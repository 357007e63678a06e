package eu.clusternews.serve.query;

/** How many items a listing (news, events) answers: the same bounds for every listing of the API. */
public final class ListingLimit {

    /** Items answered when a request sets no {@code limit}. */
    public static final int DEFAULT = 50;

    /** The most items one request may ask for; more would hold too much in memory at once. */
    public static final int MAX = 500;

    private ListingLimit() {}

    /** @throws IllegalArgumentException when the limit is outside 1..{@link #MAX} */
    static void check(int limit) {
        if (limit < 1 || limit > MAX) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX + ", was " + limit);
        }
    }
}
