package bot;

public final class Streams {
    private static final String KEY_ID = "PKJK3F29O8CSM0E20BQC";
    private static final String LISTENER = "AlpacaMarketDataStreamingListenerAdapter";
    private static final String FEED = "iex";
}
