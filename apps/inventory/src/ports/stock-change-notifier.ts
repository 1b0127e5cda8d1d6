/** Tells the read side that the stock of these SKUs changed (the projector batches the work). */
export interface StockChangeNotifier {
  notifyStockChanged(skus: readonly string[]): Promise<void>;
}
