/**
 * Implementation details of Rashomon core. Not exported by the module; nothing here is API.
 */
package io.github.rashomon.internal;
