// Folding lives with the contract so the renderer's search boxes fold exactly as the core does.
export { fold } from '../../contract/text';
