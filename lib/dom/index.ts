export {
  BLOCK_BREAK,
  DETECTION_BLOCK_BREAK,
  DETECTION_READING,
  composedParent,
  containsComposed,
  ownerBlockAt,
  readSnapshots,
  takeBlockSnapshot,
  takeSnapshot,
  type SnapshotOptions,
  type SnapshotReader,
  type TextSnapshot,
} from './text-snapshot';
export { boundsOf, nodeIndexAt, pointAt, rangeOf, spanOf, type NodeOffsets, type RangeBounds, type TextPoint, type TextSpan } from './offsets';
export { extractText } from './extract-text';
export { blockTextBefore } from './text-before';
export { isBlockElement, isHiddenByMarkup, isLineBreak, isNonTextElement, ownerBlock } from './element-rules';
export {
  joinPieces,
  PiecedText,
  takePiecedSnapshotInSlices,
  takeSnapshotInSlices,
  type PiecedSnapshot,
  type SliceOptions,
} from './snapshot-in-slices';
