import { installDefaultPolicy } from '$lib/security/trusted-types';

// Before any component or library makes a worker or parses HTML: the page requires Trusted Types.
installDefaultPolicy();
